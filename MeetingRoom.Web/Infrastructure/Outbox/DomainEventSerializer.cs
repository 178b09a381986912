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
        typeof(RoomRegistered), typeof(RoomEdited),
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
        TryFromOutbox(message, out var domainEvent) ? domainEvent : null;

    /// <summary>
    /// The event stored in <paramref name="message"/>: false when its type is unknown to this build (the change feed
    /// stops there, loudly). A known type with a malformed payload throws <see cref="JsonException"/>.
    /// </summary>
    public static bool TryFromOutbox(OutboxMessage message, out IDomainEvent? domainEvent)
    {
        domainEvent = Types.TryGetValue(message.Type, out var type)
            ? (IDomainEvent?)JsonSerializer.Deserialize(message.Payload, type, Json)
            : null;
        return domainEvent is not null;
    }
}
