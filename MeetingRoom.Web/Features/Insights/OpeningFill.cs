namespace MeetingRoom.Web.Features.Insights;

/// <summary>One opening instant (UTC, shown site-local): how many slots it opened, how many were taken, and the seconds until the last taken one was.</summary>
public sealed record OpeningFill(DateTimeOffset OpensAt, int Slots, int Taken, double? SecondsUntilLastTaken);
