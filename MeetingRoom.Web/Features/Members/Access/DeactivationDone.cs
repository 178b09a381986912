namespace MeetingRoom.Web.Features.Members.Access;

/// <summary>
/// What deactivating a member did: <paramref name="BookingsCancelled"/> counts the upcoming bookings closed (cancelled,
/// or ended for a meeting in progress), <paramref name="WaitlistPlacesRemoved"/> the places in line taken away.
/// </summary>
public sealed record DeactivationDone(string MemberId, int BookingsCancelled, int WaitlistPlacesRemoved);
