using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Domain.Bookings;

/// <summary>
/// An admin changed a series occurrence's title or booker (issue 22); <paramref name="PreviousBooker"/> held it before (the same as
/// <paramref name="BookedBy"/> when only the title changed). The slot stays held: boards show the new title.
/// </summary>
public sealed record BookingDetailsChanged(Guid BookingId, Slot Slot, Guid SeriesId, string Title, MemberId BookedBy, string BookedByName,
    MemberId PreviousBooker, MemberId ChangedBy, DateTimeOffset OccurredAt) : ISlotEvent;
