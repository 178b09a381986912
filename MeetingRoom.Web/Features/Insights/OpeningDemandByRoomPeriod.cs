namespace MeetingRoom.Web.Features.Insights;

/// <summary>
/// For one room and period over the range: answers in the first minute after its openings (<see cref="Attempts"/>),
/// slots booked in that minute (<see cref="Winners"/>), first-minute answers that did not book (<see cref="Losers"/>),
/// waitlist joins for its slots, and the median seconds from an opening to its slot being taken (null: never taken).
/// </summary>
public sealed record OpeningDemandByRoomPeriod(
    int RoomId, string RoomName, int Floor, TimeOnly PeriodStart, int Openings,
    long Attempts, long Winners, long Losers, long WaitlistJoins, double? MedianSecondsToTaken);
