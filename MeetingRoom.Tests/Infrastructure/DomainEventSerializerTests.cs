using System.Collections;
using System.Reflection;
using System.Text.Json;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Outbox;

namespace MeetingRoom.Tests.Infrastructure;

/// <summary>Event types are found by reflection (issue 21, item 5), each round-trips through an outbox row, and slot and room events say so.</summary>
[Trait("Database", "None")]
public sealed class DomainEventSerializerTests
{
    public static TheoryData<string> EventTypes()
    {
        var data = new TheoryData<string>();
        foreach (var name in DomainEventSerializer.Known.Keys.Order()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_found_event_type_round_trips_through_an_outbox_row(string typeName)
    {
        var original = (IDomainEvent)Sample(DomainEventSerializer.Known[typeName]);

        var row = DomainEventSerializer.ToOutbox(original);
        Assert.True(DomainEventSerializer.TryFromOutbox(row, out var read));

        Assert.Equal(typeName, row.Type);
        Assert.IsType(original.GetType(), read);
        Assert.Equal(JsonSerializer.Serialize(original, original.GetType()), JsonSerializer.Serialize(read, read.GetType()));
    }

    [Fact]
    public void Events_of_the_domain_and_of_the_web_app_are_found()
    {
        Assert.Contains(nameof(BookingPlaced), DomainEventSerializer.Known.Keys);
        Assert.Contains(nameof(RoomDeleted), DomainEventSerializer.Known.Keys);
        Assert.Contains(nameof(SiteRulesChanged), DomainEventSerializer.Known.Keys);
        Assert.Contains(nameof(Web.Features.Schedule.BookingWindowsPassed), DomainEventSerializer.Known.Keys);
    }

    [Fact]
    public void An_unknown_type_is_reported_as_unknown()
    {
        var row = new OutboxMessage { Type = "EventOfANewerVersion", Payload = "{}", OccurredAt = Instants.At };

        Assert.False(DomainEventSerializer.TryFromOutbox(row, out var read));
        Assert.Null(read);
    }

    [Fact]
    public void Two_event_types_of_one_name_are_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            DomainEventSerializer.KnownTypes([typeof(FirstPlace.Twin), typeof(SecondPlace.Twin)]));

        Assert.Contains("'Twin'", refused.Message);
    }

    [Fact]
    public void Types_that_are_not_concrete_events_are_not_found()
    {
        var found = DomainEventSerializer.KnownTypes([typeof(ISlotEvent), typeof(IRoomEvent), typeof(Slot), typeof(FirstPlace.Twin)]);

        Assert.Equal([nameof(FirstPlace.Twin)], found.Keys);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void An_event_that_names_a_slot_is_a_slot_event(string typeName)
    {
        var type = DomainEventSerializer.Known[typeName];
        var namesSlot = type.GetProperty(nameof(ISlotEvent.Slot))?.PropertyType == typeof(Slot);

        Assert.Equal(namesSlot, typeof(ISlotEvent).IsAssignableFrom(type));
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void An_event_of_the_rooms_that_names_its_room_is_a_room_event(string typeName)
    {
        var type = DomainEventSerializer.Known[typeName];
        var roomEventShape = type.Namespace == typeof(Room).Namespace && type.GetProperty(nameof(IRoomEvent.RoomId))?.PropertyType == typeof(int);

        Assert.Equal(roomEventShape, typeof(IRoomEvent).IsAssignableFrom(type));
    }

    private static class FirstPlace
    {
        public sealed record Twin(DateTimeOffset OccurredAt) : IDomainEvent;
    }

    private static class SecondPlace
    {
        public sealed record Twin(DateTimeOffset OccurredAt) : IDomainEvent;
    }

    /// <summary>A value of <paramref name="type"/> with every property set (records through their widest constructor).</summary>
    private static object Sample(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return Sample(inner);
        if (type == typeof(string)) return "text";
        if (type == typeof(int)) return 3;
        if (type == typeof(long)) return 4L;
        if (type == typeof(bool)) return true;
        if (type == typeof(Guid)) return Guid.Parse("6f1c2b1e-0000-4000-8000-000000000001");
        if (type == typeof(DateTimeOffset)) return Instants.At;
        if (type == typeof(DateOnly)) return new DateOnly(2026, 11, 24);
        if (type == typeof(TimeOnly)) return new TimeOnly(10, 0);
        if (type == typeof(TimeSpan)) return TimeSpan.FromMinutes(5);
        if (type.IsEnum) return Enum.GetValues(type).Cast<object>().Last();
        if (type == typeof(Slot)) return Timetable.Default.SlotFor(7, new DateOnly(2026, 11, 24), Timetable.Default.Periods[1]);
        if (type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(Sample(item));
            return list;
        }
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => Sample(p.ParameterType)).ToArray());
    }
}
