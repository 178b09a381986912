using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Scheduling;

/// <summary>How a slot's booking window opening is chosen (requirement T2).</summary>
public enum BookingWindowMode
{
    /// <summary>Opens at the period's start (the default of the source design).</summary>
    AtPeriodStart,
    /// <summary>Opens a fixed lead time before the period starts.</summary>
    LeadTime,
    /// <summary>All of a day's slots open at one time of day, K days before (K = 0: same day).</summary>
    DailyAt,
}

/// <summary>
/// When a slot becomes bookable: its window runs from the opening instant this rule gives until
/// the period ends (first come, first served). Times of day are site-local; instants are UTC.
/// </summary>
public sealed record BookingWindowRule
{
    public BookingWindowMode Mode { get; }
    /// <summary>For <see cref="BookingWindowMode.LeadTime"/>: how long before the period start (0 to 365 days).</summary>
    public TimeSpan Lead { get; }
    /// <summary>For <see cref="BookingWindowMode.DailyAt"/>: site-local time of day.</summary>
    public TimeOnly DailyAt { get; }
    /// <summary>For <see cref="BookingWindowMode.DailyAt"/>: days before the slot's date (0 to 365).</summary>
    public int DaysBefore { get; }

    private BookingWindowRule(BookingWindowMode mode, TimeSpan lead, TimeOnly dailyAt, int daysBefore)
    {
        Mode = mode;
        Lead = lead;
        DailyAt = dailyAt;
        DaysBefore = daysBefore;
    }

    public static BookingWindowRule AtPeriodStart { get; } = new(BookingWindowMode.AtPeriodStart, TimeSpan.Zero, TimeOnly.MinValue, 0);

    /// <exception cref="DomainValidationException">when the lead is negative or over 365 days ("leadMinutes").</exception>
    public static BookingWindowRule LeadTimeBefore(TimeSpan lead)
    {
        if (lead < TimeSpan.Zero || lead > TimeSpan.FromDays(365))
            throw new DomainValidationException("leadMinutes", new DomainMessage("LeadTimeOutOfRange", "The lead time must be between 0 minutes and 365 days."));
        return new(BookingWindowMode.LeadTime, lead, TimeOnly.MinValue, 0);
    }

    /// <exception cref="DomainValidationException">when <paramref name="daysBefore"/> is outside 0..365 ("daysBefore").</exception>
    public static BookingWindowRule DailyAtTime(TimeOnly at, int daysBefore)
    {
        if (daysBefore is < 0 or > 365)
            throw new DomainValidationException("daysBefore", new DomainMessage("DaysBeforeOutOfRange", "Days before must be between 0 and 365."));
        return new(BookingWindowMode.DailyAt, TimeSpan.Zero, at, daysBefore);
    }

    /// <summary>The UTC instant at which the slot's booking window opens.</summary>
    public DateTimeOffset OpensAt(Slot slot, TimeZoneInfo zone) => Mode switch
    {
        BookingWindowMode.AtPeriodStart => slot.StartsAt,
        BookingWindowMode.LeadTime => slot.StartsAt - Lead,
        BookingWindowMode.DailyAt => SiteClock.ToInstant(slot.Date.AddDays(-DaysBefore), DailyAt, zone),
        _ => throw new InvalidOperationException($"Unknown booking window mode {Mode}."),
    };

    /// <summary>The slot's booking window: from <see cref="OpensAt"/> until the period ends.</summary>
    public BookingWindow WindowFor(Slot slot, TimeZoneInfo zone) => new(OpensAt(slot, zone), slot.EndsAt);
}

/// <summary>The interval [OpensAt, ClosesAt) in which a slot may be booked (UTC instants).</summary>
public sealed record BookingWindow(DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;
}
