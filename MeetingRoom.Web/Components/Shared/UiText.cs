using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Infrastructure.Http;
using Radzen;

namespace MeetingRoom.Web.Components.Shared;

/// <summary>Wording and formatting shared by the pages (presentation only: no rule is decided here).</summary>
public static class UiText
{
    /// <summary>What the member is told when someone else booked the slot first.</summary>
    public const string JustTaken = "Just taken — someone else was faster.";
    public const string Busy = "Busy — retrying…";

    /// <summary>How a slot state is shown: an icon (Material Symbols name), a label and a CSS modifier.</summary>
    public static (string Icon, string Label, string Css) Of(SlotStatus state) => state switch
    {
        SlotStatus.NotYetOpen => ("schedule", "Not yet open", "not-open"),
        SlotStatus.Open => ("event_available", "Open", "open"),
        SlotStatus.Booked => ("event_busy", "Booked", "booked"),
        SlotStatus.PendingApproval => ("hourglass_top", "Pending approval", "pending"),
        SlotStatus.InMeeting => ("groups", "In meeting", "in-meeting"),
        SlotStatus.FreeAgain => ("event_repeat", "Free again", "free-again"),
        SlotStatus.Closed => ("lock_clock", "Closed", "closed"),
        SlotStatus.OutOfService => ("construction", "Out of service", "out-of-service"),
        _ => ("help", state.ToString(), "unknown"),
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

    /// <summary>How a booking state is shown: icon, label, CSS modifier.</summary>
    public static (string Icon, string Label, string Css) Of(BookingState state) => state switch
    {
        BookingState.PendingApproval => ("hourglass_top", "Pending approval", "pending"),
        BookingState.Confirmed => ("event_available", "Confirmed", "booked"),
        BookingState.InMeeting => ("groups", "In meeting", "in-meeting"),
        BookingState.Ended => ("check_circle", "Ended", "closed"),
        BookingState.Cancelled => ("cancel", "Cancelled", "out-of-service"),
        BookingState.Released => ("timer_off", "Released (no check-in)", "closed"),
        _ => ("help", state.ToString(), "unknown"),
    };

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

    /// <summary>Shows a problem as a toast (its Detail); slot-taken gets the friendly wording.</summary>
    public static void ShowProblem(this NotificationService notes, AppProblem problem) =>
        notes.Notify(new NotificationMessage
        {
            Severity = problem.Code is ProblemCodes.SlotTaken or ProblemCodes.NotOpenYet ? NotificationSeverity.Info : NotificationSeverity.Warning,
            Summary = problem.Code == ProblemCodes.SlotTaken ? "Just taken" : problem.Title,
            Detail = problem.Code == ProblemCodes.SlotTaken ? JustTaken : problem.Detail,
            Duration = 6000,
        });

    public static void ShowSuccess(this NotificationService notes, string summary, string detail = "") =>
        notes.Notify(new NotificationMessage { Severity = NotificationSeverity.Success, Summary = summary, Detail = detail, Duration = 4000 });

    /// <summary>For an unexpected failure: a toast, never an error page.</summary>
    public static void ShowFailure(this NotificationService notes) =>
        notes.Notify(new NotificationMessage
        {
            Severity = NotificationSeverity.Error, Summary = "Something went wrong",
            Detail = "Please try again in a moment.", Duration = 6000,
        });

    public static void ShowBusy(this NotificationService notes) =>
        notes.Notify(new NotificationMessage { Severity = NotificationSeverity.Info, Summary = Busy, Detail = "Many people are booking right now.", Duration = 2500 });

    /// <summary>The first message for <paramref name="field"/> (camelCase) in a problem's errors, or null.</summary>
    public static string? ErrorFor(this AppProblem? problem, string field) =>
        problem?.Errors is { } errors && errors.TryGetValue(field, out var messages) && messages.Length > 0
            ? string.Join(" ", messages) : null;
}
