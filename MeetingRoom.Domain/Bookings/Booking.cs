using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>
/// A member's booking (reservation) of one slot, and its lifecycle (requirements B1–B5):
/// <code>
/// Place ─┬─► Confirmed ──Start──► InMeeting ──End──► Ended
///        └─► PendingApproval ─Approve─► Confirmed
///                            └─Deny───► Cancelled
/// Confirmed / PendingApproval ──Cancel──► Cancelled
/// any active ──CancelForRoom──► Cancelled        (room out of service / deleted)
/// Confirmed / PendingApproval ──CloseForDeactivatedMember──► Cancelled   (the booker was deactivated)
/// InMeeting ──CloseForDeactivatedMember──► Ended  (the rest of the period is freed)
/// Confirmed ──Release──► Released                 (no-show, clock-driven)
/// InMeeting ──EndAtPeriodEnd──► Ended             (clock-driven)
/// </code>
/// Each transition checks its rule against the instant it is given and either changes state and
/// raises one event, or returns a <see cref="BookingRefusal"/> without changing anything.
/// "One active booking per slot" is not checked here: the database's unique filtered index is the
/// arbiter (a check here could not see concurrent requests).
/// </summary>
public sealed class Booking : AggregateRoot
{
    /// <summary>How early the booker may check in before the period starts, unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultStartGrace = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A booking may name at most the room's capacity × this many attendees (issue 23): more is not a meeting that room
    /// can hold, but a typo or a made-up figure that would skew the capacity-fit insight.
    /// </summary>
    public const int MaxAttendeesPerSeat = 3;

    public Guid Id { get; private set; }
    public int RoomId { get; private set; }
    /// <summary>Site-local date of the slot.</summary>
    public DateOnly Date { get; private set; }
    /// <summary>Site-local start of the period.</summary>
    public TimeOnly PeriodStart { get; private set; }
    /// <summary>Site-local end of the period.</summary>
    public TimeOnly PeriodEnd { get; private set; }
    /// <summary>UTC instant the period starts.</summary>
    public DateTimeOffset StartsAt { get; private set; }
    /// <summary>UTC instant the period ends.</summary>
    public DateTimeOffset EndsAt { get; private set; }
    public MemberId BookedBy { get; private set; }
    public string BookedByName { get; private set; } = "";
    public BookingState State { get; private set; }
    public DateTimeOffset BookedAt { get; private set; }
    /// <summary>How many people the booker expects (optional; issue 23, capacity fit).</summary>
    public int? Attendees { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public MemberId? ClosedBy { get; private set; }
    /// <summary>Why it was cancelled or denied, when someone said.</summary>
    public string? Reason { get; private set; }
    /// <summary>Why a cancelled booking was cancelled (null while not cancelled, and for bookings cancelled before it was recorded).</summary>
    public CancellationCause? CancelCause { get; private set; }
    /// <summary>The series this booking is an occurrence of (issue 22), or null for a member's own booking.</summary>
    public Guid? SeriesId { get; private set; }
    /// <summary>The series' title on this occurrence (shown instead of the booker's name), or null.</summary>
    public string? Title { get; private set; }

    /// <summary>The place this booking takes in its booker's per-period limit (1..N), or null (see <see cref="LimitClaims"/>).</summary>
    public int? PeriodClaim { get; private set; }
    /// <summary>The place this booking takes in its booker's per-day limit (1..N), or null.</summary>
    public int? DayClaim { get; private set; }
    /// <summary>The place this booking takes in its booker's upcoming limit (1..N), or null; given back once its period is over.</summary>
    public int? UpcomingClaim { get; private set; }

    public Slot Slot => new(RoomId, Date, new Period(PeriodStart, PeriodEnd), StartsAt, EndsAt);

    /// <summary>This booking as the limits of its booker see it.</summary>
    public HeldBooking AsHeld() => new(Id, Date, PeriodStart, EndsAt, PeriodClaim, DayClaim, UpcomingClaim);

    private Booking() { }

    /// <summary>
    /// Books <paramref name="slot"/> for <paramref name="booker"/> (B1). Refused when the room is
    /// out of service, the period is over, or the window is not open yet. A room that needs
    /// approval gives a PendingApproval booking (B5), otherwise Confirmed. <paramref name="attendees"/> (optional: how many
    /// people are expected) is checked first: <see cref="RefusalReason.InvalidInput"/> on field "attendees" when it is below 1
    /// or above the room's capacity × <see cref="MaxAttendeesPerSeat"/> (<see cref="AttendeesProblem"/>).
    /// </summary>
    public static BookingResult<Booking> Place(Room room, Slot slot, BookingWindow window, MemberId booker, string bookerName, DateTimeOffset now,
        int? attendees = null)
    {
        if (AttendeesProblem(attendees, room.Capacity) is { } badAttendees) return BookingRefusal.InvalidInput("attendees", badAttendees);
        if (!room.IsBookable) return BookingRefusal.RoomOutOfService;
        if (slot.IsOverAt(now)) return BookingRefusal.PeriodOver(slot);
        if (now < window.OpensAt) return BookingRefusal.NotOpenYet(window.OpensAt);

        var booking = New(slot, booker, bookerName, room.RequiresApproval ? BookingState.PendingApproval : BookingState.Confirmed, now);
        booking.Attendees = attendees;
        booking.Raise(new BookingPlaced(booking.Id, slot, booker, bookerName, booking.State, now));
        return booking;
    }

    /// <summary>
    /// Books <paramref name="slot"/> for <paramref name="booker"/> within the booking limits (F1): refused as
    /// <see cref="Place(Room, Slot, BookingWindow, MemberId, string, DateTimeOffset, int?)"/> is (attendees included), or with
    /// <see cref="RefusalReason.MemberLimit"/> when <paramref name="held"/> (the booker's active bookings)
    /// already reach a limit. The booking takes the limit places <see cref="BookingLimits.Claim"/> chooses;
    /// the database's unique indexes over those places decide between concurrent bookings.
    /// </summary>
    public static BookingResult<Booking> Place(Room room, Slot slot, BookingWindow window, Actor booker, string bookerName,
        DateTimeOffset now, BookingLimits limits, IReadOnlyCollection<HeldBooking> held, int? attendees = null)
    {
        var placed = Place(room, slot, window, booker.Id, bookerName, now, attendees);
        if (!placed.IsOk) return placed;
        var claims = limits.Claim(booker, slot, held, now);
        if (!claims.IsOk) return claims.Refusal!;
        var booking = placed.Value!;
        booking.PeriodClaim = claims.Value.Period;
        booking.DayClaim = claims.Value.Day;
        booking.UpcomingClaim = claims.Value.Upcoming;
        return booking;
    }

    /// <summary>
    /// Books <paramref name="slot"/> as an occurrence of <paramref name="series"/> (issue 22) for the series' booker, titled with the
    /// series' title. An admin's decision made ahead: the booking window is not checked (occurrences are reserved before their windows
    /// open) and no limit place is taken (series do not count against the booker's limits). Refused when the room is out of
    /// service or the period is over. Always Confirmed (an admin made it, so there is nothing to approve). The database's unique
    /// slot index still decides: a member booking that landed first keeps the slot.
    /// </summary>
    public static BookingResult<Booking> PlaceForSeries(Room room, Slot slot, Series.BookingSeries series, DateTimeOffset now)
    {
        if (!room.IsBookable) return BookingRefusal.RoomOutOfService;
        if (slot.IsOverAt(now)) return BookingRefusal.PeriodOver(slot);

        var booking = New(slot, series.BookedBy, series.BookedByName, BookingState.Confirmed, now);
        booking.SeriesId = series.Id;
        booking.Title = series.Title;
        booking.Raise(new BookingPlaced(booking.Id, slot, booking.BookedBy, booking.BookedByName, booking.State, now, series.Id, series.Title));
        return booking;
    }

    /// <summary>A new booking of <paramref name="slot"/> for <paramref name="booker"/> in <paramref name="state"/>, booked at <paramref name="now"/> (no event yet).</summary>
    private static Booking New(Slot slot, MemberId booker, string bookerName, BookingState state, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RoomId = slot.RoomId,
        Date = slot.Date,
        PeriodStart = slot.Period.Start,
        PeriodEnd = slot.Period.End,
        StartsAt = slot.StartsAt,
        EndsAt = slot.EndsAt,
        BookedBy = booker,
        BookedByName = bookerName,
        State = state,
        BookedAt = now,
    };

    /// <summary>
    /// An admin changes this series occurrence's title and booker (issue 22, edit scopes). Refused: AdminOnly; InvalidInput on
    /// "seriesId" for a booking of no series; InvalidInput on "title" (<see cref="Series.BookingSeries.TitleProblem"/>); WrongState
    /// unless confirmed or pending approval (a meeting under way keeps who checked in); PeriodOver.
    /// </summary>
    public BookingResult ChangeSeriesDetails(Actor admin, string? title, MemberId booker, string bookerName, DateTimeOffset now)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (SeriesId is not { } seriesId) return BookingRefusal.InvalidInput("seriesId", new("NotASeriesBooking", "This booking is not part of a series."));
        if (Series.BookingSeries.TitleProblem(title) is { } badTitle) return BookingRefusal.InvalidInput("title", badTitle);
        if (State is not (BookingState.Confirmed or BookingState.PendingApproval)) return BookingRefusal.WrongState(State);
        if (Slot.IsOverAt(now)) return BookingRefusal.PeriodOver(Slot);

        var previous = BookedBy;
        Title = title!.Trim();
        BookedBy = booker;
        BookedByName = bookerName;
        Raise(new BookingDetailsChanged(Id, Slot, seriesId, Title, booker, bookerName, previous, admin.Id, now));
        return BookingResult.Ok;
    }

    /// <summary>
    /// Cancels a series occurrence that has not started because its series was cancelled (<see cref="CancellationCause.SeriesCancelled"/>,
    /// by an admin) or ended for no-shows (<see cref="CancellationCause.SeriesNoShows"/>). Refused: AdminOnly; InvalidInput on
    /// "seriesId" for a booking of no series; WrongState unless confirmed or pending approval; PeriodOver.
    /// </summary>
    public BookingResult CancelForSeries(Actor admin, CancellationCause cause, DateTimeOffset now)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (SeriesId is null) return BookingRefusal.InvalidInput("seriesId", new("NotASeriesBooking", "This booking is not part of a series."));
        if (State is not (BookingState.Confirmed or BookingState.PendingApproval)) return BookingRefusal.WrongState(State);
        if (Slot.IsOverAt(now)) return BookingRefusal.PeriodOver(Slot);

        State = BookingState.Cancelled;
        CancelledAt = now;
        ClosedBy = admin.Id;
        Reason = null;
        CancelCause = cause;
        Raise(new BookingCancelled(Id, Slot, BookedBy, admin.Id, true, null, now, cause));
        return BookingResult.Ok;
    }

    /// <summary>
    /// Why <paramref name="attendees"/> is not an acceptable head count for a room of <paramref name="capacity"/> people, or null
    /// when it is (also when none is given): at least 1, at most capacity × <see cref="MaxAttendeesPerSeat"/>.
    /// Keys: AttendeesTooFew; AttendeesTooMany (arguments: the most allowed, the capacity).
    /// </summary>
    public static DomainMessage? AttendeesProblem(int? attendees, int capacity)
    {
        if (attendees is not { } count) return null;
        if (count < 1) return new("AttendeesTooFew", "Attendees must be at least 1 person (or leave it empty).");
        var most = Math.Max(capacity, 1) * MaxAttendeesPerSeat;
        return count > most
            ? new("AttendeesTooMany", $"At most {most} attendees for this room (its capacity of {capacity} × {MaxAttendeesPerSeat}).", most, capacity, MaxAttendeesPerSeat)
            : null;
    }

    /// <summary>Cancels a booking that has not started (B2). The booker or an admin may; not once the period is over.</summary>
    public BookingResult Cancel(Actor by, string? reason, DateTimeOffset now)
    {
        if (by.Id != BookedBy && !by.IsAdmin) return BookingRefusal.NotTheBooker;
        if (TextRules.Problem(reason, TextRules.MaxReasonLength, multiline: true) is { } problem) return BookingRefusal.InvalidInput("reason", problem);
        if (State is not (BookingState.Confirmed or BookingState.PendingApproval)) return BookingRefusal.WrongState(State);
        if (Slot.IsOverAt(now)) return BookingRefusal.PeriodOver(Slot);

        State = BookingState.Cancelled;
        CancelledAt = now;
        ClosedBy = by.Id;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        CancelCause = by.Id == BookedBy ? CancellationCause.Booker : CancellationCause.Admin;
        Raise(new BookingCancelled(Id, Slot, BookedBy, by.Id, by.Id != BookedBy, Reason, now, CancelCause.Value));
        return BookingResult.Ok;
    }

    /// <summary>
    /// Cancels an active booking because its room was taken out of service or deleted (R2, R3), even
    /// a meeting in progress; the member is told <paramref name="reason"/> (none for a deleted room: the cause says it,
    /// in the reader's language). Admin only; a booking whose period is over, or that is no longer active, is left
    /// alone (WrongState / PeriodOver).
    /// </summary>
    public BookingResult CancelForRoom(Actor admin, CancellationCause cause, string? reason, DateTimeOffset now)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (!State.IsActive()) return BookingRefusal.WrongState(State);
        if (Slot.IsOverAt(now)) return BookingRefusal.PeriodOver(Slot);

        State = BookingState.Cancelled;
        CancelledAt = now;
        ClosedBy = admin.Id;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        CancelCause = cause;
        Raise(new BookingCancelled(Id, Slot, BookedBy, admin.Id, true, Reason, now, cause));
        return BookingResult.Ok;
    }

    /// <summary>
    /// Closes a booking whose booker an admin deactivated (P1, issue 20: a deactivated member holds no upcoming
    /// booking, and the slot is freed like any cancel). A booking not yet started (confirmed or pending approval,
    /// also one whose period is under way but not checked in) is cancelled with
    /// <see cref="CancellationCause.MemberDeactivated"/> (no free-text reason: the cause is worded in each reader's
    /// language) and raises <see cref="BookingCancelled"/>; a meeting in progress is <b>ended</b> now, not cancelled
    /// (it did take place), which frees the rest of its period (<see cref="MeetingEnded"/> with EndedEarly). Admin
    /// only; a booking whose period is over, or that is no longer active, is left alone (WrongState / PeriodOver).
    /// </summary>
    public BookingResult CloseForDeactivatedMember(Actor admin, DateTimeOffset now)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (!State.IsActive()) return BookingRefusal.WrongState(State);
        if (Slot.IsOverAt(now)) return BookingRefusal.PeriodOver(Slot);

        ClosedBy = admin.Id;
        if (State is BookingState.InMeeting)
        {
            State = BookingState.Ended;
            EndedAt = now;
            Raise(new MeetingEnded(Id, Slot, admin.Id, true, now));
            return BookingResult.Ok;
        }
        State = BookingState.Cancelled;
        CancelledAt = now;
        Reason = null;
        CancelCause = CancellationCause.MemberDeactivated;
        Raise(new BookingCancelled(Id, Slot, BookedBy, admin.Id, true, null, now, CancellationCause.MemberDeactivated));
        return BookingResult.Ok;
    }

    /// <summary>
    /// Auto-release of a no-show: a Confirmed booking not checked in by <paramref name="noShowAfter"/> after
    /// its period started — or after it was booked, for a booking made once the period was under way
    /// (<see cref="NoShowClockStart"/>) — is released, and the rest of the period becomes bookable. Before
    /// that instant it is refused as not-open-yet (with the release instant).
    /// Source: Exchange/Teams Rooms and Robin release an unclaimed room 10 minutes after its start by default.
    /// </summary>
    public BookingResult Release(DateTimeOffset now, TimeSpan noShowAfter)
    {
        if (State is not BookingState.Confirmed) return BookingRefusal.WrongState(State);
        if (now < NoShowAt(noShowAfter)) return BookingRefusal.NotOpenYet(NoShowAt(noShowAfter));

        State = BookingState.Released;
        EndedAt = now < EndsAt ? now : EndsAt;
        ClosedBy = MemberId.System;
        Raise(new BookingReleased(Id, Slot, BookedBy, now, SeriesId));
        return BookingResult.Ok;
    }

    /// <summary>
    /// When the no-show clock starts: the period's start, or the booking instant when the member booked
    /// after the period had started (a late booking, a slot freed by a no-show, or one received from the
    /// waitlist): they get the full no-show time to check in rather than being released at once.
    /// </summary>
    public DateTimeOffset NoShowClockStart => NoShowClockStartOf(StartsAt, BookedAt);

    /// <summary>When this booking, if still not checked in, is a no-show: <paramref name="noShowAfter"/> after <see cref="NoShowClockStart"/>.</summary>
    public DateTimeOffset NoShowAt(TimeSpan noShowAfter) => NoShowClockStart + noShowAfter;

    /// <summary>The rule of <see cref="NoShowAt(TimeSpan)"/> on plain values (for queries over many bookings).</summary>
    public static DateTimeOffset NoShowAt(DateTimeOffset startsAt, DateTimeOffset bookedAt, TimeSpan noShowAfter) =>
        NoShowClockStartOf(startsAt, bookedAt) + noShowAfter;

    private static DateTimeOffset NoShowClockStartOf(DateTimeOffset startsAt, DateTimeOffset bookedAt) => bookedAt > startsAt ? bookedAt : startsAt;

    /// <summary>
    /// Whether this booking keeps its slot when the site's timetable becomes <paramref name="next"/>:
    /// a booking that is no longer active, or whose period is over, is not affected; an active one is
    /// kept only if <paramref name="next"/> still has its period (same start and end) at the same
    /// instants. Otherwise the change would leave the booking on a slot that no longer exists while its
    /// room shows free (and can be booked twice at once).
    /// </summary>
    public bool KeepsItsSlotUnder(Timetable next, DateTimeOffset now)
    {
        if (!State.IsActive() || Slot.IsOverAt(now)) return true;
        if (next.FindPeriod(PeriodStart) is not { } period || period.End != PeriodEnd) return false;
        var slot = next.SlotFor(RoomId, Date, period);
        return slot.StartsAt == StartsAt && slot.EndsAt == EndsAt;
    }

    /// <summary>
    /// The booking rule for changing the timetable: refused (listing them) when it would move or remove
    /// the period of any active booking (<see cref="KeepsItsSlotUnder"/>); such bookings must be cancelled first.
    /// </summary>
    public static BookingResult CheckTimetableChange(Timetable next, IEnumerable<Booking> activeBookings, DateTimeOffset now)
    {
        var affected = activeBookings.Where(b => !b.KeepsItsSlotUnder(next, now)).Select(b => b.Id).ToList();
        return affected.Count == 0 ? BookingResult.Ok : BookingRefusal.TimetableInUse(affected);
    }

    /// <summary>Ends a meeting still in progress when its period is over (auto-end); refused before the period end.</summary>
    public BookingResult EndAtPeriodEnd(DateTimeOffset now)
    {
        if (State is not BookingState.InMeeting) return BookingRefusal.WrongState(State);
        if (!Slot.IsOverAt(now)) return BookingRefusal.NotOpenYet(EndsAt);

        State = BookingState.Ended;
        EndedAt = EndsAt;
        ClosedBy = MemberId.System;
        Raise(new MeetingEnded(Id, Slot, MemberId.System, false, now));
        return BookingResult.Ok;
    }

    /// <summary>
    /// Checks in (B3): only the booker, only a confirmed booking, from <paramref name="startGrace"/>
    /// before the period starts until it ends. Too early is refused as not-open-yet with the first
    /// instant check-in is allowed.
    /// </summary>
    public BookingResult Start(MemberId who, DateTimeOffset now, TimeSpan startGrace)
    {
        if (CanStart(who, now, startGrace) is { } refusal) return refusal;

        State = BookingState.InMeeting;
        StartedAt = now;
        Raise(new MeetingStarted(Id, Slot, who, now));
        return BookingResult.Ok;
    }

    /// <summary>
    /// Whether <paramref name="who"/> may check in at <paramref name="now"/> (the rule of
    /// <see cref="Start"/>): null when allowed, otherwise the refusal <see cref="Start"/> would give.
    /// </summary>
    public BookingRefusal? CanStart(MemberId who, DateTimeOffset now, TimeSpan startGrace) =>
        CanStart(BookedBy, State, Slot, who, now, startGrace);

    /// <summary>
    /// The check-in rule (B3) on a booking's plain values, for callers that hold a copy of a booking
    /// (e.g. the UI deciding whether its Start button is enabled and why not) rather than the aggregate.
    /// Checked in this order: only the booker (<see cref="RefusalReason.NotTheBooker"/>), only a
    /// Confirmed booking (<see cref="RefusalReason.WrongState"/>), not once the period is over
    /// (<see cref="RefusalReason.PeriodOver"/>), not earlier than <paramref name="startGrace"/> before
    /// the period starts (<see cref="RefusalReason.NotOpenYet"/> with that first allowed UTC instant).
    /// </summary>
    /// <returns>null when the check-in is allowed.</returns>
    public static BookingRefusal? CanStart(MemberId bookedBy, BookingState state, Slot slot,
        MemberId who, DateTimeOffset now, TimeSpan startGrace)
    {
        if (who != bookedBy) return BookingRefusal.NotTheBooker;
        if (state is not BookingState.Confirmed) return BookingRefusal.WrongState(state);
        if (slot.IsOverAt(now)) return BookingRefusal.PeriodOver(slot);
        if (now < slot.StartsAt - startGrace) return BookingRefusal.NotOpenYet(slot.StartsAt - startGrace);
        return null;
    }

    /// <summary>
    /// Ends a meeting in progress (B4): the booker or an admin. Ending before the period is over
    /// frees the rest of it: the booking is no longer active, so the slot can be booked again.
    /// </summary>
    public BookingResult End(Actor by, DateTimeOffset now)
    {
        if (by.Id != BookedBy && !by.IsAdmin) return BookingRefusal.NotTheBooker;
        if (State is not BookingState.InMeeting) return BookingRefusal.WrongState(State);

        State = BookingState.Ended;
        EndedAt = now < EndsAt ? now : EndsAt;
        ClosedBy = by.Id;
        Raise(new MeetingEnded(Id, Slot, by.Id, now < EndsAt, now));
        return BookingResult.Ok;
    }

    /// <summary>An admin approves a pending booking (B5); not once its period is over.</summary>
    public BookingResult Approve(Actor admin, DateTimeOffset now)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (State is not BookingState.PendingApproval) return BookingRefusal.WrongState(State);
        if (Slot.IsOverAt(now)) return BookingRefusal.PeriodOver(Slot);

        State = BookingState.Confirmed;
        Raise(new BookingApproved(Id, Slot, BookedBy, admin.Id, now));
        return BookingResult.Ok;
    }

    /// <summary>An admin denies a pending booking with a reason the member is told (B5); it becomes Cancelled.</summary>
    public BookingResult Deny(Actor admin, string? reason, DateTimeOffset now)
    {
        if (!admin.IsAdmin) return BookingRefusal.AdminOnly;
        if (State is not BookingState.PendingApproval) return BookingRefusal.WrongState(State);
        if (string.IsNullOrWhiteSpace(reason)) return BookingRefusal.ReasonRequired;
        if (TextRules.Problem(reason, TextRules.MaxReasonLength, multiline: true) is { } problem) return BookingRefusal.InvalidInput("reason", problem);

        State = BookingState.Cancelled;
        CancelledAt = now;
        ClosedBy = admin.Id;
        Reason = reason.Trim();
        Raise(new BookingDenied(Id, Slot, BookedBy, admin.Id, Reason, now));
        return BookingResult.Ok;
    }
}
