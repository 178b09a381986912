using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Insights;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Observability;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>
/// Counts every answered booking request once, in <see cref="MeetingRoomMetrics"/>: the API's and the pages' (through
/// <see cref="BookingService.BookAsync"/>) and the API's answers from memory (<see cref="KnownTakenSlots"/>), by result
/// (<see cref="Created"/> or the answer's problem code: slot-taken, member-limit, not-open-yet, too-many-requests, …).
/// An answer given less than <see cref="OpeningMinute"/> after its slot's booking window opened is also an attempt at
/// that opening: with its latency from the opening instant (by <see cref="TimeProvider"/>) while something listens to
/// those instruments, and always in the opening demand (<see cref="OpeningDemandRecorder"/>, issue 23; not for an
/// unknown room or invalid input, which name no real slot's demand). The window is worked out from the rules in memory.
/// Requests that end in an exception (the database unavailable, a
/// cancelled request) are not counted here: ASP.NET Core's request metrics show them by status. Singleton.
/// </summary>
public sealed class BookingAnswers(MeetingRoomMetrics metrics, OpeningDemandRecorder demand, SiteRulesProvider rules, TimeProvider clock)
{
    /// <summary>The result of a booking request that booked.</summary>
    public const string Created = "created";

    /// <summary>How long after a window's opening instant an answer still counts as an attempt at that opening.</summary>
    public static readonly TimeSpan OpeningMinute = TimeSpan.FromMinutes(1);

    /// <summary>Counts <paramref name="answer"/> to <paramref name="request"/> and returns it unchanged.</summary>
    public async ValueTask<AppResult<BookingDto>> CountAsync(BookRequest request, AppResult<BookingDto> answer)
    {
        var code = answer.Problem?.Code;
        metrics.BookingAnswered(code ?? Created);
        var watched = metrics.OpeningsWatched;
        var demanded = code is not (ProblemCodes.UnknownRoom or ProblemCodes.InvalidInput);
        if ((watched || demanded) && await SinceOpeningAsync(request) is { } at && at.Since >= TimeSpan.Zero && at.Since < OpeningMinute)
        {
            if (watched) metrics.OpeningAttemptAnswered(at.Since);
            if (demanded) demand.Record(at.Slot, answer.IsOk);
        }
        return answer;
    }

    /// <summary>The requested slot and how long ago its booking window opened (negative: not yet), or null when it names no slot.</summary>
    private async ValueTask<(SlotKey Slot, TimeSpan Since)?> SinceOpeningAsync(BookRequest request)
    {
        if (!KnownTakenSlots.TryKey(request, out var key)) return null;
        var site = await rules.GetAsync(CancellationToken.None); // from memory (refreshed every few minutes)
        var periods = site.Timetable.Periods;
        var at = -1;
        for (var i = 0; i < periods.Count && at < 0; i++) // no closure: this runs for every answer
            if (periods[i].Start == key.Start) at = i;
        if (at < 0) return null;
        var slot = site.Timetable.SlotFor(key.RoomId, key.Date, periods[at]);
        return (new SlotKey(slot.Date, slot.RoomId, slot.Period.Start), clock.GetUtcNow() - site.WindowFor(slot).OpensAt);
    }
}
