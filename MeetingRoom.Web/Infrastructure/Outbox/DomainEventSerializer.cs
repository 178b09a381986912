using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using MeetingRoom.Domain.Common;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// Turns domain events into outbox rows and back. An outbox row stores the event's type by its simple name
/// (<see cref="Type.Name"/>, e.g. "BookingPlaced") and its properties as JSON (web defaults: camelCase). The known
/// types are found, not listed: every concrete <see cref="IDomainEvent"/> of the domain assembly and of this (web)
/// assembly, read once by reflection at start-up (<see cref="EnsureKnown"/>); two event types of the same name
/// stop the start with an <see cref="InvalidOperationException"/> naming both.
/// </summary>
public static class DomainEventSerializer
{
    private static readonly IReadOnlyDictionary<string, Type> Types =
        KnownTypes(typeof(IDomainEvent).Assembly.GetTypes().Concat(typeof(DomainEventSerializer).Assembly.GetTypes()));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The event types an outbox row may name, by stored name.</summary>
    public static IReadOnlyDictionary<string, Type> Known => Types;

    /// <summary>
    /// Reads the known types now (called at start-up, so that a duplicate name stops the start rather than the
    /// first save). Throws <see cref="InvalidOperationException"/> (inside a <see cref="TypeInitializationException"/>)
    /// when two event types share a name.
    /// </summary>
    public static void EnsureKnown() => _ = Types.Count;

    /// <summary>
    /// The concrete, non-generic <see cref="IDomainEvent"/> types among <paramref name="candidates"/>, keyed by
    /// <see cref="Type.Name"/>. Throws <see cref="InvalidOperationException"/> when two of them have the same name
    /// (the outbox could not tell them apart).
    /// </summary>
    public static IReadOnlyDictionary<string, Type> KnownTypes(IEnumerable<Type> candidates)
    {
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in candidates.Where(IsEvent).Distinct())
        {
            if (types.TryGetValue(type.Name, out var other))
                throw new InvalidOperationException(
                    $"Two domain event types are both named '{type.Name}' ({other.FullName} and {type.FullName}): the outbox stores events by " +
                    "type name, so rename one of them.");
            types.Add(type.Name, type);
        }
        return types;
    }

    private static bool IsEvent(Type type) =>
        typeof(IDomainEvent).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false };

    /// <summary>
    /// The outbox row of <paramref name="domainEvent"/> (not yet added to any context), with the trace context of the
    /// current span when tracing is on (<see cref="OutboxTracing.Capture"/>; null columns otherwise).
    /// </summary>
    public static OutboxMessage ToOutbox(IDomainEvent domainEvent)
    {
        var message = new OutboxMessage
        {
            Type = domainEvent.GetType().Name,
            Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Json),
            OccurredAt = domainEvent.OccurredAt,
            Event = domainEvent,
        };
        OutboxTracing.Capture(message);
        return message;
    }

    /// <summary>
    /// The event stored in <paramref name="message"/>: false (and null) when its type is unknown to this build,
    /// e.g. written by a newer version of the app. A payload that does not fit its type throws <see cref="JsonException"/>.
    /// </summary>
    public static bool TryFromOutbox(OutboxMessage message, [NotNullWhen(true)] out IDomainEvent? domainEvent)
    {
        domainEvent = Types.TryGetValue(message.Type, out var type)
            ? (IDomainEvent?)JsonSerializer.Deserialize(message.Payload, type, Json)
            : null;
        return domainEvent is not null;
    }

    /// <summary>The event stored in <paramref name="message"/>, or null for an unknown type (see <see cref="TryFromOutbox"/>).</summary>
    public static IDomainEvent? FromOutbox(OutboxMessage message) => TryFromOutbox(message, out var domainEvent) ? domainEvent : null;
}
