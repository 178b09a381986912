namespace MeetingRoom.Web.Features.Schedule;

/// <summary>One period (its start, site-local) of one date (site-local).</summary>
public sealed record PeriodOfDate(DateOnly Date, TimeOnly Start);
