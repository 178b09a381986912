namespace MeetingRoom.Web.Features.Insights;

/// <summary>
/// The demand at one slot's opening (issue 23): booking answers given in the first minute after the slot's booking
/// window opened, counted in memory by the booking path and added here in batches (a batch lost in a crash is lost;
/// bookings never are). Key: (<see cref="Date"/>, <see cref="RoomId"/>, <see cref="PeriodStart"/>), site-local.
/// </summary>
public sealed class OpeningDemandRow
{
    public DateOnly Date { get; set; }
    public int RoomId { get; set; }
    /// <summary>The period's start, site-local.</summary>
    public TimeOnly PeriodStart { get; set; }
    /// <summary>Answers in the first minute after the opening (created or refused).</summary>
    public long Attempts { get; set; }
    /// <summary>Of those, answers that did not book (slot-taken, member-limit, …).</summary>
    public long Refused { get; set; }
}
