using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Domain.Series;

namespace MeetingRoom.Tests.Support;

/// <summary>Entry point of the builders: <c>A.Room()</c>, <c>A.Slot()</c>, <c>A.Booking()</c>.</summary>
public static class A
{
    public static RoomBuilder Room() => new();
    public static SlotBuilder Slot() => new();
    public static BookingBuilder Booking() => new();
    public static HeldBookingBuilder Held() => new();
    public static WaitlistEntryBuilder WaitlistEntry() => new();
    public static SeriesBuilder Series() => new();
}

/// <summary>The people of the tests.</summary>
public static class People
{
    public static readonly Actor Booker = Actor.Member("alice");
    public static readonly Actor OtherMember = Actor.Member("bob");
    public static readonly Actor Admin = Actor.Admin("carol");
}

/// <summary>Explicit UTC instants.</summary>
public static class Instants
{
    public static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    /// <summary>An instant for tests where only "some time" matters (2026-11-23 01:05 UTC).</summary>
    public static readonly DateTimeOffset At = new(2026, 11, 23, 1, 5, 0, TimeSpan.Zero);

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);
}

public sealed class RoomBuilder
{
    private bool _needsApproval, _outOfService, _deleted;

    public RoomBuilder NeedingApproval() { _needsApproval = true; return this; }
    public RoomBuilder OutOfService() { _outOfService = true; return this; }
    public RoomBuilder Deleted() { _deleted = true; return this; }

    public Room Build()
    {
        var room = Room.Register("Room A", 3, 6, [new EquipmentItem("Projector")], _needsApproval, DateTimeOffset.UnixEpoch);
        if (_outOfService) room.TakeOutOfService("Projector broken", Instants.Utc(2026, 11, 23, 0, 0));
        if (_deleted) room.Delete(Instants.Utc(2026, 1, 1, 0, 0));
        return room;
    }
}

/// <summary>By default: room 1, 2026-11-23, 10:00–11:50 in Asia/Seoul = 01:00Z–02:50Z.</summary>
public sealed class SlotBuilder
{
    private Timetable _timetable = Timetable.Default;
    private DateOnly _date = new(2026, 11, 23);
    private TimeOnly _start = new(10, 0);

    public SlotBuilder In(Timetable timetable) { _timetable = timetable; return this; }
    public SlotBuilder On(int year, int month, int day) { _date = new(year, month, day); return this; }
    public SlotBuilder StartingAt(int hour, int minute) { _start = new(hour, minute); return this; }

    public Slot Build() => _timetable.SlotFor(1, _date,
        _timetable.FindPeriod(_start) ?? throw new InvalidOperationException($"No period starts at {_start}."));
}

/// <summary>
/// A booking of the default slot, brought to its state by the real transitions: placed an hour
/// before the period starts, started at the start, ended 30 minutes in, or cancelled by its booker.
/// Its events are then cleared, as when loaded from storage, so a test sees only the events it causes.
/// </summary>
public sealed class BookingBuilder
{
    private Slot _slot = A.Slot().Build();
    private Actor _booker = People.Booker;
    private BookingState _state = BookingState.Confirmed;
    private DateTimeOffset? _placedAt;

    public BookingBuilder Of(Slot slot) { _slot = slot; return this; }
    public BookingBuilder By(Actor booker) { _booker = booker; return this; }
    /// <summary>Placed at <paramref name="instant"/> instead of an hour before the period starts.</summary>
    public BookingBuilder PlacedAt(DateTimeOffset instant) { _placedAt = instant; return this; }
    public BookingBuilder In(BookingState state) { _state = state; return this; }
    public BookingBuilder Confirmed() => In(BookingState.Confirmed);
    public BookingBuilder Pending() => In(BookingState.PendingApproval);
    public BookingBuilder InMeeting() => In(BookingState.InMeeting);
    public BookingBuilder Ended() => In(BookingState.Ended);
    public BookingBuilder Cancelled() => In(BookingState.Cancelled);

    public Booking Build()
    {
        var room = _state == BookingState.PendingApproval ? A.Room().NeedingApproval().Build() : A.Room().Build();
        var window = new BookingWindow(_slot.StartsAt - TimeSpan.FromDays(1), _slot.EndsAt);
        var placed = Booking.Place(room, _slot, window, _booker.Id, "Alice", _placedAt ?? _slot.StartsAt - TimeSpan.FromHours(1));
        var booking = placed.Value ?? throw new InvalidOperationException(placed.Refusal!.Message);

        if (_state is BookingState.InMeeting or BookingState.Ended)
            Must(booking.Start(_booker.Id, _slot.StartsAt, Booking.DefaultStartGrace));
        if (_state is BookingState.Ended)
            Must(booking.End(_booker, _slot.StartsAt + TimeSpan.FromMinutes(30)));
        if (_state is BookingState.Cancelled)
            Must(booking.Cancel(_booker, null, _slot.StartsAt - TimeSpan.FromMinutes(30)));

        booking.ClearDomainEvents();
        return booking;
    }

    private static void Must(BookingResult result)
    {
        if (!result.IsOk) throw new InvalidOperationException(result.Refusal!.Message);
    }
}

/// <summary>
/// An active booking a member holds, as the limits see it: by default of the default slot, holding the
/// first place of every limit.
/// </summary>
public sealed class HeldBookingBuilder
{
    private Slot _slot = A.Slot().Build();
    private int? _period = 1, _day = 1, _upcoming = 1;

    public HeldBookingBuilder Of(Slot slot) { _slot = slot; return this; }
    public HeldBookingBuilder Holding(int? period, int? day, int? upcoming) { (_period, _day, _upcoming) = (period, day, upcoming); return this; }
    /// <summary>Made while no limit was in force: it holds no place.</summary>
    public HeldBookingBuilder WithoutPlaces() => Holding(null, null, null);

    public HeldBooking Build() => new(Guid.NewGuid(), _slot.Date, _slot.Period.Start, _slot.EndsAt, _period, _day, _upcoming);
}

/// <summary>
/// A place in line for the default slot, which someone else holds, joined by the booker a day before
/// (window open, no limits reached). Its events are cleared, as when loaded from storage.
/// </summary>
public sealed class WaitlistEntryBuilder
{
    private Slot _slot = A.Slot().Build();
    private Actor _member = People.Booker;

    public WaitlistEntryBuilder Of(Slot slot) { _slot = slot; return this; }
    public WaitlistEntryBuilder By(Actor member) { _member = member; return this; }

    public WaitlistEntry Build()
    {
        var window = new BookingWindow(_slot.StartsAt - TimeSpan.FromDays(1), _slot.EndsAt);
        var joined = WaitlistEntry.Join(A.Room().Build(), _slot, window, People.OtherMember.Id, _member, "Alice",
            _slot.StartsAt - TimeSpan.FromHours(1), BookingLimits.Default, []);
        var entry = joined.Value ?? throw new InvalidOperationException(joined.Refusal!.Message);
        entry.ClearDomainEvents();
        return entry;
    }
}

/// <summary>
/// A series of room 1's 10:00–11:50 period made by the admin for the booker: by default weekly on Mondays from 2026-11-30, four
/// occurrences, titled "Weekly sync", created at <see cref="Instants.At"/>. Its events are cleared, as when loaded from storage.
/// </summary>
public sealed class SeriesBuilder
{
    private SeriesRule _rule = new(SeriesFrequency.Weekly, Count: 4, ByWeekday: [DayOfWeek.Monday]);
    private DateOnly _firstDate = new(2026, 11, 30);

    public SeriesBuilder Following(SeriesRule rule, DateOnly firstDate) { (_rule, _firstDate) = (rule, firstDate); return this; }

    public BookingSeries Build()
    {
        var created = BookingSeries.Create(People.Admin, 1, Timetable.Default.FindPeriod(new TimeOnly(10, 0))!, _firstDate, _rule,
            "Weekly sync", People.Booker.Id, "Alice", Instants.At);
        var series = created.Value ?? throw new InvalidOperationException(created.Refusal!.Message);
        series.ClearDomainEvents();
        return series;
    }

    /// <summary>The series' booking of its occurrence on <paramref name="date"/> (default: its first date), placed at <see cref="Instants.At"/>.</summary>
    public static Booking OccurrenceOf(BookingSeries series, DateOnly? date = null, Room? room = null)
    {
        var slot = Timetable.Default.SlotFor(1, date ?? series.FirstDate, series.Period);
        var placed = Booking.PlaceForSeries(room ?? A.Room().Build(), slot, series, Instants.At);
        var booking = placed.Value ?? throw new InvalidOperationException(placed.Refusal!.Message);
        booking.ClearDomainEvents();
        return booking;
    }
}
