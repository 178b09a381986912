using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Features.Board;
using MeetingRoom.Web.Infrastructure.Http;
using MudBlazor;

namespace MeetingRoom.Web.Components.Shared;

/// <summary>Wording and formatting shared by the pages (presentation only: no rule is decided here).</summary>
public static class UiText
{
    /// <summary>What the member is told when someone else booked the slot first.</summary>
    public const string JustTaken = "Just taken — someone else was faster.";
    public const string Busy = "Busy — retrying…";

    /// <summary>How a slot state is shown: an icon (a MudBlazor SVG icon), a label and a CSS modifier.</summary>
    public static (string Icon, string Label, string Css) Of(SlotStatus state) => state switch
    {
        SlotStatus.NotYetOpen => (Icons.Material.Filled.Schedule, "Not yet open", "not-open"),
        SlotStatus.Open => (Icons.Material.Filled.EventAvailable, "Open", "open"),
        SlotStatus.Booked => (Icons.Material.Filled.EventBusy, "Booked", "booked"),
        SlotStatus.PendingApproval => (Icons.Material.Filled.HourglassTop, "Pending approval", "pending"),
        SlotStatus.InMeeting => (Icons.Material.Filled.Groups, "In meeting", "in-meeting"),
        SlotStatus.FreeAgain => (Icons.Material.Filled.EventRepeat, "Free again", "free-again"),
        SlotStatus.Closed => (Icons.Material.Filled.LockClock, "Closed", "closed"),
        SlotStatus.OutOfService => (Icons.Material.Filled.Construction, "Out of service", "out-of-service"),
        _ => (Icons.Material.Filled.Help, state.ToString(), "unknown"),
    };

    /// <summary>A slot's visible label: "Opens 10:00" (with its date when on another day) before its window opens, else the state's label.</summary>
    public static string SlotLabel(SlotStatus state, DateTimeOffset opensAt, DateOnly day) =>
        state == SlotStatus.NotYetOpen ? $"Opens {TimeOn(opensAt, day)}" : Of(state).Label;

    /// <summary>
    /// A slot's state in words, for its accessible label: "Not yet open, opens 10:00", "In meeting since 10:03",
    /// "Booked by Minji Kim" (<paramref name="byText"/> is "by …" or null when the booker is not to be shown).
    /// </summary>
    public static string SlotSummary(SlotStatus state, DateTimeOffset opensAt, DateTimeOffset? since, DateOnly day, string? byText)
    {
        var label = Of(state).Label;
        return state switch
        {
            SlotStatus.NotYetOpen => $"{label}, opens {TimeOn(opensAt, day)}",
            SlotStatus.InMeeting when since is { } s => $"{label} since {s:HH:mm}",
            SlotStatus.Booked or SlotStatus.PendingApproval when byText is { } by => $"{label} {by}",
            _ => label,
        };
    }

    /// <summary>
    /// A slot's second line: the countdown to its opening, who booked it ("by …", when given), or since when
    /// the meeting runs ("since 10:03 · by …"); null when there is nothing to add.
    /// </summary>
    public static string? SlotDetail(SlotStatus state, DateTimeOffset now, DateTimeOffset opensAt, DateTimeOffset? since, string? byText) => state switch
    {
        SlotStatus.NotYetOpen => Countdown(now, opensAt),
        SlotStatus.Booked or SlotStatus.PendingApproval => byText,
        SlotStatus.InMeeting => since is { } s ? $"since {s:HH:mm}" + (byText is { } by ? $" · {by}" : "") : byText,
        _ => null,
    };

    /// <summary>How a booking state is shown: icon (MudBlazor SVG), label, CSS modifier.</summary>
    public static (string Icon, string Label, string Css) Of(BookingState state) => state switch
    {
        BookingState.PendingApproval => (Icons.Material.Filled.HourglassTop, "Pending approval", "pending"),
        BookingState.Confirmed => (Icons.Material.Filled.EventAvailable, "Confirmed", "booked"),
        BookingState.InMeeting => (Icons.Material.Filled.Groups, "In meeting", "in-meeting"),
        BookingState.Ended => (Icons.Material.Filled.CheckCircle, "Ended", "closed"),
        BookingState.Cancelled => (Icons.Material.Filled.Cancel, "Cancelled", "out-of-service"),
        BookingState.Released => (Icons.Material.Filled.TimerOff, "Released (no check-in)", "closed"),
        _ => (Icons.Material.Filled.Help, state.ToString(), "unknown"),
    };

    /// <summary>"1 waiting", "3 waiting": how many members are on a held slot's waitlist.</summary>
    public static string Waiting(int count) => $"{count} waiting";

    /// <summary>A cell's accessible label: "Harbor, 10:00–11:50: Booked by Minji Kim, 2 waiting".</summary>
    public static string SlotAriaLabel(string room, ScheduleCellDto cell, DateOnly day, string? byText) =>
        $"{room}, {cell.Start}–{cell.End}: {SlotSummary(cell.State, cell.OpensAt, cell.Since, day, byText)}"
        + (cell.Waiting > 0 ? $", {Waiting(cell.Waiting)}" : "");

    /// <summary>"You are 1st in line", "You are 2nd in line", … (position 1 = next).</summary>
    public static string InLine(int position) => $"You are {Ordinal(position)} in line";

    /// <summary>1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, …</summary>
    public static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    /// <summary>"in 4:59", "in 1 h 05 min", "in 3 days" until <paramref name="at"/>; empty once passed.</summary>
    public static string Countdown(DateTimeOffset now, DateTimeOffset at)
    {
        var left = at - now;
        if (left <= TimeSpan.Zero) return "";
        if (left < TimeSpan.FromHours(1)) return $"in {(int)left.TotalMinutes}:{left.Seconds:00}";
        if (left < TimeSpan.FromDays(1)) return $"in {(int)left.TotalHours} h {left.Minutes:00} min";
        var days = (int)Math.Ceiling(left.TotalDays);
        return $"in {days} days";
    }

    /// <summary>
    /// "10:00", or "Mon 22 Nov 08:00" when the instant (already in the site's offset) is not on
    /// <paramref name="day"/> (site-local).
    /// </summary>
    public static string TimeOn(DateTimeOffset siteLocal, DateOnly day) =>
        DateOnly.FromDateTime(siteLocal.DateTime) == day ? siteLocal.ToString("HH:mm") : siteLocal.ToString("ddd d MMM HH:mm");

    /// <summary>Why the Start button is disabled, in words for the member.</summary>
    /// <param name="refusal">The domain's answer (Booking.CanStart).</param>
    /// <param name="siteOffset">The site's UTC offset, to show a not-yet instant in site time.</param>
    public static string WhyNoStart(BookingRefusal refusal, BookingState state, TimeSpan siteOffset) => refusal.Reason switch
    {
        RefusalReason.NotTheBooker => "Only the member who booked it can start it.",
        RefusalReason.NotOpenYet when refusal.OpensAt is { } at => $"You can start from {at.ToOffset(siteOffset):HH:mm}.",
        RefusalReason.PeriodOver => "The period is over.",
        RefusalReason.WrongState => state switch
        {
            BookingState.PendingApproval => "Waiting for an admin's approval.",
            BookingState.InMeeting => "Already started.",
            BookingState.Ended => "The meeting has ended.",
            BookingState.Cancelled => "The booking was cancelled.",
            BookingState.Released => "Released: nobody checked in in time.",
            _ => refusal.Message,
        },
        _ => refusal.Message,
    };

    /// <summary>Shows a problem as a snackbar (its Detail); slot-taken gets the friendly wording.</summary>
    public static void ShowProblem(this ISnackbar snackbar, AppProblem problem) =>
        snackbar.Show(problem.Code is ProblemCodes.SlotTaken or ProblemCodes.NotOpenYet ? Severity.Info : Severity.Warning,
            problem.Code == ProblemCodes.SlotTaken ? "Just taken" : problem.Title,
            problem.Code == ProblemCodes.SlotTaken ? JustTaken : problem.Detail);

    public static void ShowSuccess(this ISnackbar snackbar, string summary, string detail = "") =>
        snackbar.Show(Severity.Success, summary, detail);

    /// <summary>For an unexpected failure: a snackbar, never an error page.</summary>
    public static void ShowFailure(this ISnackbar snackbar) =>
        snackbar.Show(Severity.Error, "Something went wrong", "Please try again in a moment.");

    public static void ShowBusy(this ISnackbar snackbar) =>
        snackbar.Show(Severity.Info, Busy, "Many people are booking right now.", 2500);

    /// <summary>A snackbar with a bold summary and a detail line (announced: MudBlazor's snackbars are a live region).</summary>
    private static void Show(this ISnackbar snackbar, Severity severity, string summary, string detail, int? milliseconds = null) =>
        snackbar.Add(builder =>
        {
            builder.OpenElement(0, "strong");
            builder.AddContent(1, summary);
            builder.CloseElement();
            if (detail.Length > 0)
            {
                builder.OpenElement(2, "span");
                builder.AddAttribute(3, "class", "snackbar-detail");
                builder.AddContent(4, detail);
                builder.CloseElement();
            }
        }, severity, o =>
        {
            if (milliseconds is { } ms) o.VisibleStateDuration = ms;
        });

    /// <summary>The first message for <paramref name="field"/> (camelCase) in a problem's errors, or null.</summary>
    public static string? ErrorFor(this AppProblem? problem, string field) =>
        problem?.Errors is { } errors && errors.TryGetValue(field, out var messages) && messages.Length > 0
            ? string.Join(" ", messages) : null;
}
