using MeetingRoom.Domain.Common;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// The clock passed the opening or closing of the booking windows of these periods (site-local date and period
/// start), for every room. Written once across instances by <see cref="WindowOpener"/> so that the change reaches
/// every screen by the one path: outbox → change feed → each instance's <see cref="LiveSchedulePusher"/>.
/// </summary>
public sealed record BookingWindowsPassed(IReadOnlyList<PeriodOfDate> Periods, DateTimeOffset OccurredAt) : IDomainEvent;
