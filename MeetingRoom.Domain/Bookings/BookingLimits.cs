using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>The three per-member booking limits (requirement F1).</summary>
public enum LimitKind
{
    /// <summary>Active bookings of one member in one period of one date ("maxPerPeriod").</summary>
    PerPeriod,
    /// <summary>Active bookings of one member on one date ("maxPerDay").</summary>
    PerDay,
    /// <summary>Active bookings of one member whose period has not ended ("maxUpcoming").</summary>
    Upcoming,
}

/// <summary>
/// An active booking a member already holds, as the limits see it: its slot and the limit places
/// ("claims") it occupies. A claim is an ordinal 1..N of a limit of N; null means the booking takes no
/// place of that limit (no limit was in force, or its holder was exempt).
/// </summary>
public sealed record HeldBooking(Guid BookingId, DateOnly Date, TimeOnly PeriodStart, DateTimeOffset EndsAt,
    int? PeriodClaim = null, int? DayClaim = null, int? UpcomingClaim = null);

/// <summary>
/// The limit places a new booking takes: for each limit in force, the lowest ordinal 1..N its holder
/// does not use yet. The database has a filtered unique index over (member, scope, ordinal) for each
/// limit, so two concurrent bookings that chose the same place cannot both be saved, and no member can
/// ever hold more than N places: that index, not this choice, is the arbiter. Because the choice counts
/// every held booking first and takes the lowest free place, a place above N−k is never chosen while k
/// bookings without a place (made while the limit was off) are held: those count too, even in a burst.
/// </summary>
public readonly record struct LimitClaims(int? Period, int? Day, int? Upcoming)
{
    public static readonly LimitClaims None = new(null, null, null);
}

/// <summary>
/// Booking limits per member, set by admins (F1): at most <see cref="MaxPerPeriod"/> active bookings in
/// one period of one date, <see cref="MaxPerDay"/> on one date, <see cref="MaxUpcoming"/> whose period
/// has not ended. 0 means no limit. Admins are held to them unless <see cref="AdminsExempt"/>.
/// </summary>
public sealed record BookingLimits
{
    /// <summary>The largest value a limit may have (a limit is enforced with that many ordinals).</summary>
    public const int Max = 1000;

    public int MaxPerPeriod { get; }
    public int MaxPerDay { get; }
    public int MaxUpcoming { get; }
    public bool AdminsExempt { get; }

    private BookingLimits(int maxPerPeriod, int maxPerDay, int maxUpcoming, bool adminsExempt)
    {
        MaxPerPeriod = maxPerPeriod;
        MaxPerDay = maxPerDay;
        MaxUpcoming = maxUpcoming;
        AdminsExempt = adminsExempt;
    }

    /// <summary>Nobody holds two rooms at once, two bookings a day, ten ahead; admins are not exempt.</summary>
    public static BookingLimits Default { get; } = new(1, 2, 10, false);

    /// <summary>No limit at all.</summary>
    public static BookingLimits None { get; } = new(0, 0, 0, false);

    /// <exception cref="DomainValidationException">when a limit is outside 0..<see cref="Max"/> (field named as in the API).</exception>
    public static BookingLimits Create(int maxPerPeriod, int maxPerDay, int maxUpcoming, bool adminsExempt = false)
    {
        new ValidationErrors()
            .AddIf(maxPerPeriod is < 0 or > Max, "maxPerPeriod", new DomainMessage("LimitOutOfRange", $"Give 0 (no limit) to {Max}.", Max))
            .AddIf(maxPerDay is < 0 or > Max, "maxPerDay", new DomainMessage("LimitOutOfRange", $"Give 0 (no limit) to {Max}.", Max))
            .AddIf(maxUpcoming is < 0 or > Max, "maxUpcoming", new DomainMessage("LimitOutOfRange", $"Give 0 (no limit) to {Max}.", Max))
            .ThrowIfAny();
        return new(maxPerPeriod, maxPerDay, maxUpcoming, adminsExempt);
    }

    /// <summary>The limit of one kind (0 = none).</summary>
    public int Of(LimitKind kind) => kind switch
    {
        LimitKind.PerPeriod => MaxPerPeriod,
        LimitKind.PerDay => MaxPerDay,
        _ => MaxUpcoming,
    };

    /// <summary>The name of a limit as the API and settings use it.</summary>
    public static string NameOf(LimitKind kind) => kind switch
    {
        LimitKind.PerPeriod => "maxPerPeriod",
        LimitKind.PerDay => "maxPerDay",
        _ => "maxUpcoming",
    };

    /// <summary>
    /// Whether <paramref name="booker"/>, holding the active bookings <paramref name="held"/>, may take one
    /// more booking of <paramref name="slot"/> at <paramref name="now"/>; if so, the limit places it takes.
    /// Refused with <see cref="RefusalReason.MemberLimit"/> naming the first limit reached (per period, per
    /// day, upcoming) and the bookings counting against it. Every held active booking counts, with or
    /// without a claim (bookings made while a limit was off still count once it is on).
    /// </summary>
    public BookingResult<LimitClaims> Claim(Actor booker, Slot slot, IReadOnlyCollection<HeldBooking> held, DateTimeOffset now)
    {
        if (booker.IsAdmin && AdminsExempt) return LimitClaims.None;

        var samePeriod = held.Where(h => h.Date == slot.Date && h.PeriodStart == slot.Period.Start).ToList();
        var sameDay = held.Where(h => h.Date == slot.Date).ToList();
        var upcoming = held.Where(h => h.EndsAt > now).ToList();

        if (Refusal(LimitKind.PerPeriod, samePeriod) is { } p) return p;
        if (Refusal(LimitKind.PerDay, sameDay) is { } d) return d;
        if (Refusal(LimitKind.Upcoming, upcoming) is { } u) return u;

        var period = FirstFree(MaxPerPeriod, samePeriod.Select(h => h.PeriodClaim));
        var day = FirstFree(MaxPerDay, sameDay.Select(h => h.DayClaim));
        // a booking whose period ended may still hold an upcoming place until it is cleared: those places are skipped
        var ahead = FirstFree(MaxUpcoming, held.Select(h => h.UpcomingClaim));
        // No free place although fewer bookings count than the limit: ended bookings still hold the places
        // (see StaleUpcomingClaims). Refused rather than booked without a place, so the limit can never be passed.
        if (MaxUpcoming > 0 && ahead is null)
            return BookingRefusal.MemberLimit(LimitKind.Upcoming, MaxUpcoming, upcoming.Select(h => h.BookingId).ToList());
        return new LimitClaims(period, day, ahead);
    }

    /// <summary>
    /// Held bookings whose period is over but which still occupy an upcoming place: they no longer count, so
    /// their places may be given back (a monotonic clean-up, safe at any time).
    /// </summary>
    public static IReadOnlyList<Guid> StaleUpcomingClaims(IReadOnlyCollection<HeldBooking> held, DateTimeOffset now) =>
        held.Where(h => h.EndsAt <= now && h.UpcomingClaim is not null).Select(h => h.BookingId).ToList();

    private BookingRefusal? Refusal(LimitKind kind, IReadOnlyList<HeldBooking> counting)
    {
        var limit = Of(kind);
        return limit > 0 && counting.Count >= limit
            ? BookingRefusal.MemberLimit(kind, limit, counting.Select(h => h.BookingId).ToList())
            : null;
    }

    /// <summary>The lowest ordinal 1..<paramref name="limit"/> not in <paramref name="used"/>; null when there is no limit or none is free.</summary>
    private static int? FirstFree(int limit, IEnumerable<int?> used)
    {
        if (limit == 0) return null;
        var taken = used.Where(u => u is not null).Select(u => u!.Value).ToHashSet();
        for (var i = 1; i <= limit; i++)
            if (!taken.Contains(i)) return i;
        return null;
    }
}
