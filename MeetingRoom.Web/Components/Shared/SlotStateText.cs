using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Schedule;
using System.Globalization;
using MeetingRoom.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace MeetingRoom.Web.Components.Shared;

/// <summary>
/// The words for slot and booking states, shared by the Book page, My bookings, the wall board and the door display
/// (presentation only: no rule is decided here), in the current UI culture: a state's icon, label and CSS modifier,
/// a slot's label, second line, summary and accessible label, who booked it, the countdown to an opening, a place in
/// a waitlist, and why a meeting cannot be started. Static because the pages, the board, the door display and the
/// admin dialogs call it without an instance: its texts come from <c>Resources/Components/Shared/SlotStateText.resx</c>
/// (and <c>.ko.resx</c>) through Microsoft.Extensions.Localization's resource-manager localizer, created once, and
/// its dates and times from <see cref="SiteFormat"/>; each call reads
/// <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.
/// </summary>
public static class SlotStateText
{
    /// <summary>The texts (keys of <c>SlotStateText.resx</c>).</summary>
    private static readonly IStringLocalizer L = StaticLocalizers.For(typeof(SlotStateText));

    /// <summary>Dates and times in the current culture (the same patterns as the injected singleton).</summary>
    private static SiteFormat Format => StaticLocalizers.Format;

    /// <summary>How a slot state is shown: an icon (a MudBlazor SVG icon), a label and a CSS modifier.</summary>
    public static (string Icon, string Label, string Css) Of(SlotStatus state) => state switch
    {
        SlotStatus.NotYetOpen => (Icons.Material.Filled.Schedule, L["SlotNotYetOpen"], "not-open"),
        SlotStatus.Open => (Icons.Material.Filled.EventAvailable, L["SlotOpen"], "open"),
        SlotStatus.Booked => (Icons.Material.Filled.EventBusy, L["SlotBooked"], "booked"),
        SlotStatus.PendingApproval => (Icons.Material.Filled.HourglassTop, L["SlotPendingApproval"], "pending"),
        SlotStatus.InMeeting => (Icons.Material.Filled.Groups, L["SlotInMeeting"], "in-meeting"),
        SlotStatus.FreeAgain => (Icons.Material.Filled.EventRepeat, L["SlotFreeAgain"], "free-again"),
        SlotStatus.Closed => (Icons.Material.Filled.LockClock, L["SlotClosed"], "closed"),
        SlotStatus.OutOfService => (Icons.Material.Filled.Construction, L["SlotOutOfService"], "out-of-service"),
        _ => (Icons.Material.Filled.Help, L["StateUnknown"], "unknown"),
    };

    /// <summary>A slot state's label: "Open" / "예약 가능" (never the enum's name).</summary>
    public static string Label(SlotStatus state) => Of(state).Label;

    /// <summary>"by Minji Kim" / "Minji Kim 님": who booked, when the site shows it.</summary>
    public static string By(string name) => L["By", name];

    /// <summary>"“Team sync”": a series' title (issue 22), shown where a booking shows who booked it.</summary>
    public static string SeriesTitle(string title) => L["SeriesTitle", title];

    /// <summary>A slot's visible label: "Opens 10:00" (with its date when on another day) before its window opens, else the state's label.</summary>
    public static string SlotLabel(SlotStatus state, DateTimeOffset opensAt, DateOnly day) =>
        state == SlotStatus.NotYetOpen ? L["SlotOpens", TimeOn(opensAt, day)] : Of(state).Label;

    /// <summary>
    /// A slot's state in words, for its accessible label: "Not yet open, opens 10:00", "In meeting since 10:03",
    /// "Booked by Minji Kim" (<paramref name="byText"/> is "by …" or null when the booker is not to be shown).
    /// </summary>
    public static string SlotSummary(SlotStatus state, DateTimeOffset opensAt, DateTimeOffset? since, DateOnly day, string? byText)
    {
        var label = Of(state).Label;
        return state switch
        {
            SlotStatus.NotYetOpen => L["SummaryOpens", label, TimeOn(opensAt, day)],
            SlotStatus.InMeeting when since is { } s => L["SummarySince", label, Format.Time(s)],
            SlotStatus.Booked or SlotStatus.PendingApproval when byText is { } by => L["SummaryBy", label, by],
            _ => label,
        };
    }

    /// <summary>
    /// A slot's second line: the countdown to its opening, who booked it ("by …", when given), or since when
    /// the meeting runs ("since 10:03 · by …"); null when there is nothing to add. <paramref name="spelledOut"/>
    /// picks the countdown's form (see <see cref="Countdown"/>): spelled out on the wall board, compact on the Book page.
    /// </summary>
    public static string? SlotDetail(SlotStatus state, DateTimeOffset now, DateTimeOffset opensAt, DateTimeOffset? since, string? byText, bool spelledOut = false) => state switch
    {
        SlotStatus.NotYetOpen => Countdown(now, opensAt, spelledOut),
        SlotStatus.Booked or SlotStatus.PendingApproval => byText,
        SlotStatus.InMeeting => since is { } s
            ? byText is { } by ? L["SinceBy", Format.Time(s), by] : L["Since", Format.Time(s)]
            : byText,
        _ => null,
    };

    /// <summary>How a booking state is shown: icon (MudBlazor SVG), label, CSS modifier.</summary>
    public static (string Icon, string Label, string Css) Of(BookingState state) => state switch
    {
        BookingState.PendingApproval => (Icons.Material.Filled.HourglassTop, L["BookingPendingApproval"], "pending"),
        BookingState.Confirmed => (Icons.Material.Filled.EventAvailable, L["BookingConfirmed"], "booked"),
        BookingState.InMeeting => (Icons.Material.Filled.Groups, L["BookingInMeeting"], "in-meeting"),
        BookingState.Ended => (Icons.Material.Filled.CheckCircle, L["BookingEnded"], "closed"),
        BookingState.Cancelled => (Icons.Material.Filled.Cancel, L["BookingCancelled"], "out-of-service"),
        BookingState.Released => (Icons.Material.Filled.TimerOff, L["BookingReleased"], "closed"),
        _ => (Icons.Material.Filled.Help, L["StateUnknown"], "unknown"),
    };

    /// <summary>"1 waiting", "3 waiting": how many members are on a held slot's waitlist.</summary>
    public static string Waiting(int count) => L["Waiting", count];

    /// <summary>A cell's accessible label: "Harbor, 10:00–11:50: Booked by Minji Kim, 2 waiting".</summary>
    public static string SlotAriaLabel(string room, ScheduleCellDto cell, DateOnly day, string? byText)
    {
        var label = L["CellLabel", room, Period(cell.Start, cell.End), SlotSummary(cell.State, cell.OpensAt, cell.Since, day, byText)].Value;
        return cell.Waiting > 0 ? L["CellLabelWaiting", label, Waiting(cell.Waiting)] : label;
    }

    /// <summary>"You are 1st in line", "You are 2nd in line", … / "대기 1번째" (position 1 = next).</summary>
    public static string InLine(int position) => L["InLine", Ordinal(position)];

    /// <summary>1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, … in English; the bare number where the language needs no suffix.</summary>
    public static string Ordinal(int n) =>
        L[(n % 100) is 11 or 12 or 13 ? "OrdinalOther" : (n % 10) switch { 1 => "Ordinal1", 2 => "Ordinal2", 3 => "Ordinal3", _ => "OrdinalOther" }, n];

    /// <summary>A period of the timetable as "10:00–11:50", from the schedule's "HH:mm" strings (shown as given when not a time).</summary>
    public static string Period(string start, string end) =>
        TimeOnly.TryParse(start, CultureInfo.InvariantCulture, out var s) && TimeOnly.TryParse(end, CultureInfo.InvariantCulture, out var e)
            ? Format.Period(s, e) : $"{start}–{end}";

    /// <summary>
    /// "in 4:59", "in 1 h 05 min", "in 3 days" until <paramref name="at"/>; empty once passed. In Korean the compact
    /// form (Book page) is "4:59 후" and the spelled-out form (<paramref name="spelledOut"/>: the wall board and the
    /// door display, read from across a room) "4분 59초 후"; both say "1시간 05분 후", "3일 후".
    /// </summary>
    public static string Countdown(DateTimeOffset now, DateTimeOffset at, bool spelledOut = false)
    {
        var left = at - now;
        if (left <= TimeSpan.Zero) return "";
        var form = spelledOut ? "SpelledOut" : "";
        if (left < TimeSpan.FromHours(1)) return L["CountdownMinutes" + form, (int)left.TotalMinutes, left.Seconds.ToString("00", CultureInfo.InvariantCulture)];
        if (left < TimeSpan.FromDays(1)) return L["CountdownHours" + form, (int)left.TotalHours, left.Minutes.ToString("00", CultureInfo.InvariantCulture)];
        var days = (int)Math.Ceiling(left.TotalDays);
        return L["CountdownDays" + form, days];
    }

    /// <summary>
    /// "10:00", or "Mon 22 Nov 08:00" / "11월 22일 (일) 08:00" when the instant (already in the site's offset) is not on
    /// <paramref name="day"/> (site-local).
    /// </summary>
    public static string TimeOn(DateTimeOffset siteLocal, DateOnly day) =>
        DateOnly.FromDateTime(siteLocal.DateTime) == day ? Format.Time(siteLocal) : Format.DayAndTime(siteLocal);

    /// <summary>A site-local time of day: "15:00".</summary>
    public static string Time(DateTimeOffset siteLocal) => Format.Time(siteLocal);

    /// <summary>Why the Start button is disabled, in words for the member.</summary>
    /// <param name="refusal">The domain's answer (Booking.CanStart).</param>
    /// <param name="siteOffset">The site's UTC offset, to show a not-yet instant in site time.</param>
    public static string WhyNoStart(BookingRefusal refusal, BookingState state, TimeSpan siteOffset) => refusal.Reason switch
    {
        RefusalReason.NotTheBooker => L["WhyNotTheBooker"],
        RefusalReason.NotOpenYet when refusal.OpensAt is { } at => L["WhyNotYet", Format.Time(at.ToOffset(siteOffset))],
        RefusalReason.PeriodOver => L["WhyPeriodOver"],
        RefusalReason.WrongState => state switch
        {
            BookingState.PendingApproval => L["WhyPendingApproval"],
            BookingState.InMeeting => L["WhyAlreadyStarted"],
            BookingState.Ended => L["WhyEnded"],
            BookingState.Cancelled => L["WhyCancelled"],
            BookingState.Released => L["WhyReleased"],
            _ => L["WhyCannotStart"],
        },
        _ => L["WhyCannotStart"],
    };
}
