using System.Globalization;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Localization;
using Microsoft.Extensions.Localization;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// The wall display's and the door display's words for the schedule (presentation only): slot states, the
/// countdown to an opening or a check-in deadline, a cell's second line and its accessible label, in the current
/// UI culture (resources <c>Resources/Features/Schedule/BoardText.resx</c> and <c>.ko.resx</c>; times via
/// <see cref="SiteFormat"/>). Made by the component that shows them: <c>new BoardText(localizer, format)</c>.
/// </summary>
public sealed class BoardText(IStringLocalizer<BoardText> text, SiteFormat format)
{
    /// <summary>A slot state's label: "Open" / "예약 가능" (never the enum's name).</summary>
    public string State(SlotStatus state) => text[state switch
    {
        SlotStatus.NotYetOpen => "StateNotYetOpen",
        SlotStatus.Open => "StateOpen",
        SlotStatus.Booked => "StateBooked",
        SlotStatus.PendingApproval => "StatePendingApproval",
        SlotStatus.InMeeting => "StateInMeeting",
        SlotStatus.FreeAgain => "StateFreeAgain",
        SlotStatus.Closed => "StateClosed",
        SlotStatus.OutOfService => "StateOutOfService",
        _ => "StateUnknown",
    }];

    /// <summary>"10:00", or "Mon 22 Nov 08:00" / "11월 22일 (월) 08:00" when the site-local instant is not on <paramref name="day"/>.</summary>
    public string TimeOn(DateTimeOffset siteLocal, DateOnly day) =>
        DateOnly.FromDateTime(siteLocal.DateTime) == day ? format.Time(siteLocal) : format.DayAndTime(siteLocal);

    /// <summary>A site-local time of day: "15:00".</summary>
    public string Time(DateTimeOffset siteLocal) => format.Time(siteLocal);

    /// <summary>A period given as "HH:mm" texts: "10:00–11:50".</summary>
    public string Period(string start, string end) =>
        TimeOnly.TryParseExact(start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) &&
        TimeOnly.TryParseExact(end, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e)
            ? format.Period(s, e) : $"{start}–{end}";

    /// <summary>"by Minji Kim" / "예약자 Minji Kim": who booked, when the site shows it.</summary>
    public string By(string name) => text["By", name];

    /// <summary>"in 4:59", "in 1 h 05 min", "in 3 days" / "4분 59초 후", "1시간 05분 후", "3일 후"; empty once passed.</summary>
    public string Countdown(DateTimeOffset now, DateTimeOffset at)
    {
        var left = at - now;
        if (left <= TimeSpan.Zero) return "";
        if (left < TimeSpan.FromHours(1)) return text["CountdownMinutes", (int)left.TotalMinutes, left.Seconds.ToString("00", CultureInfo.InvariantCulture)];
        if (left < TimeSpan.FromDays(1)) return text["CountdownHours", (int)left.TotalHours, left.Minutes.ToString("00", CultureInfo.InvariantCulture)];
        return text["CountdownDays", (int)Math.Ceiling(left.TotalDays)];
    }

    /// <summary>
    /// A slot's second line: the countdown to its opening, who booked it (<paramref name="byText"/>, when given),
    /// or since when the meeting runs ("since 10:03 · by …"); null when there is nothing to add.
    /// </summary>
    public string? Detail(SlotStatus state, DateTimeOffset now, DateTimeOffset opensAt, DateTimeOffset? since, string? byText) => state switch
    {
        SlotStatus.NotYetOpen => Countdown(now, opensAt),
        SlotStatus.Booked or SlotStatus.PendingApproval => byText,
        SlotStatus.InMeeting => since is { } s
            ? byText is { } by ? text["SinceBy", text["Since", Time(s)], by] : text["Since", Time(s)]
            : byText,
        _ => null,
    };

    /// <summary>A slot's state in words: "Not yet open, opens 10:00", "In meeting since 10:03", "Booked by Minji Kim".</summary>
    public string Summary(SlotStatus state, DateTimeOffset opensAt, DateTimeOffset? since, DateOnly day, string? byText)
    {
        var label = State(state);
        return state switch
        {
            SlotStatus.NotYetOpen => text["SummaryNotYetOpen", label, TimeOn(opensAt, day)],
            SlotStatus.InMeeting when since is { } s => text["SummarySince", label, Time(s)],
            SlotStatus.Booked or SlotStatus.PendingApproval when byText is { } by => text["SummaryBy", label, by],
            _ => label,
        };
    }

    /// <summary>A cell's accessible label: "Harbor, 10:00–11:50: Booked by Minji Kim, 2 waiting".</summary>
    public string AriaLabel(string room, ScheduleCellDto cell, DateOnly day, string? byText)
    {
        var summary = Summary(cell.State, cell.OpensAt, cell.Since, day, byText);
        var period = Period(cell.Start, cell.End);
        return cell.Waiting > 0
            ? text["AriaLabelWaiting", room, period, summary, text["Waiting", cell.Waiting]]
            : text["AriaLabel", room, period, summary];
    }
}
