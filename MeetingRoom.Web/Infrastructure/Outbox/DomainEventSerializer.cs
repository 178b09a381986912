using System.Text.Json;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>Turns domain events into outbox rows and back. Known types are listed here by name.</summary>
public static class DomainEventSerializer
{
    private static readonly Dictionary<string, Type> Types = new[]
    {
        typeof(BookingPlaced), typeof(BookingCancelled), typeof(MeetingStarted),
        typeof(MeetingEnded), typeof(BookingApproved), typeof(BookingDenied), typeof(BookingReleased),
        typeof(RoomTakenOutOfService), typeof(RoomReturnedToService), typeof(RoomDeleted),
        typeof(WaitlistJoined), typeof(WaitlistLeft), typeof(WaitlistServed),
        typeof(RoomRegistered), typeof(RoomEdited), typeof(DoorDisplayRevoked),
        typeof(Features.Schedule.BookingWindowsPassed), typeof(Features.Notifications.InboxChanged),
        typeof(Features.Members.Invitations.AccountMailRequested),
    }.ToDictionary(t => t.Name);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxMessage ToOutbox(IDomainEvent domainEvent) => new()
    {
        Type = domainEvent.GetType().Name,
        Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Json),
        OccurredAt = domainEvent.OccurredAt,
    };

    /// <summary>The event stored in <paramref name="message"/>, or null for an unknown type.</summary>
    public static IDomainEvent? FromOutbox(OutboxMessage message) =>
        Types.TryGetValue(message.Type, out var type)
            ? (IDomainEvent?)JsonSerializer.Deserialize(message.Payload, type, Json)
            : null;
}
