using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.Instants;

namespace MeetingRoom.Tests.Domain;

public class RoomTests
{
    private static readonly EquipmentItem Projector = new("Projector");

    private static DomainValidationException Invalid(Action act) => Assert.Throws<DomainValidationException>(act);

    [Fact]
    public void Register_keeps_the_details()
    {
        var room = Room.Register("  Room A ", 3, 6, [Projector, new EquipmentItem("Chair", 6)], requiresApproval: true, At);

        Assert.Equal("Room A", room.Name);
        Assert.Equal(3, room.Floor);
        Assert.Equal(6, room.Capacity);
        Assert.Equal([Projector, new EquipmentItem("Chair", 6)], room.Equipment);
        Assert.True(room.RequiresApproval);
    }

    [Fact]
    public void Registered_room_is_in_service_and_bookable()
    {
        var room = A.Room().Build();

        Assert.False(room.IsOutOfService);
        Assert.False(room.IsDeleted);
        Assert.True(room.IsBookable);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Register_without_a_name_is_invalid(string? name)
    {
        var e = Invalid(() => Room.Register(name!, 1, 4, [], false, At));

        Assert.Equal(["name"], e.Errors.Keys);
    }

    [Fact]
    public void Register_with_a_name_over_100_characters_is_invalid()
    {
        var e = Invalid(() => Room.Register(new string('x', 101), 1, 4, [], false, At));

        Assert.Equal(["name"], e.Errors.Keys);
    }

    [Fact]
    public void Register_with_a_name_of_100_characters_is_allowed()
    {
        Assert.Equal(100, Room.Register(new string('x', 100), 1, 4, [], false, At).Name.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Register_with_capacity_below_one_is_invalid(int capacity)
    {
        var e = Invalid(() => Room.Register("Room A", 1, capacity, [], false, At));

        Assert.Equal(["capacity"], e.Errors.Keys);
    }

    [Fact]
    public void Register_with_capacity_one_is_allowed()
    {
        Assert.Equal(1, Room.Register("Booth", 1, 1, [], false, At).Capacity);
    }

    [Theory]
    [InlineData(-21)]
    [InlineData(301)]
    public void Register_with_a_floor_out_of_range_is_invalid(int floor)
    {
        var e = Invalid(() => Room.Register("Room A", floor, 4, [], false, At));

        Assert.Equal(["floor"], e.Errors.Keys);
    }

    [Fact]
    public void Register_with_the_same_equipment_twice_in_another_case_is_invalid()
    {
        var e = Invalid(() => Room.Register("Room A", 1, 4, [new EquipmentItem("Projector"), new EquipmentItem("projector ")], false, At));

        Assert.Equal(["equipment"], e.Errors.Keys);
    }

    [Fact]
    public void Register_reports_every_bad_field_together()
    {
        var e = Invalid(() => Room.Register(" ", 1, 0, [Projector, Projector], false, At));

        Assert.Equal(["capacity", "equipment", "name"], e.Errors.Keys.Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Equipment_with_quantity_below_one_is_invalid(int quantity)
    {
        var e = Invalid(() => new EquipmentItem("Projector", quantity));

        Assert.Equal(["equipment"], e.Errors.Keys);
    }

    [Fact]
    public void Equipment_without_a_name_is_invalid()
    {
        var e = Invalid(() => new EquipmentItem("  "));

        Assert.Equal(["equipment"], e.Errors.Keys);
    }

    [Fact]
    public void Equipment_has_a_trimmed_name_and_one_by_default()
    {
        var item = new EquipmentItem(" Whiteboard ");

        Assert.Equal("Whiteboard", item.Name);
        Assert.Equal(1, item.Quantity);
    }

    [Fact]
    public void Update_replaces_the_details_and_the_equipment()
    {
        var room = Room.Register("Room A", 1, 4, [Projector], false, At);

        room.Update("Room B", 2, 10, [new EquipmentItem("Screen", 2)], requiresApproval: true, At);

        Assert.Equal("Room B", room.Name);
        Assert.Equal(2, room.Floor);
        Assert.Equal(10, room.Capacity);
        Assert.True(room.RequiresApproval);
        Assert.Equal([new EquipmentItem("Screen", 2)], room.Equipment);
    }

    [Fact]
    public void Update_with_no_equipment_clears_it()
    {
        var room = Room.Register("Room A", 1, 4, [Projector], false, At);

        room.Update("Room A", 1, 4, [], false, At);

        Assert.Empty(room.Equipment);
    }

    [Fact]
    public void Update_that_is_invalid_leaves_the_room_as_it_was()
    {
        var room = Room.Register("Room A", 1, 4, [Projector], false, At);

        Invalid(() => room.Update("Room B", 2, 0, [], true, At));

        Assert.Equal("Room A", room.Name);
        Assert.Equal(4, room.Capacity);
        Assert.Equal([Projector], room.Equipment);
    }

    [Fact]
    public void TakeOutOfService_makes_it_unbookable_with_the_reason()
    {
        var room = A.Room().Build();

        room.TakeOutOfService("  Flooded ", Instants.Utc(2026, 11, 23, 0, 0));

        Assert.True(room.IsOutOfService);
        Assert.Equal("Flooded", room.OutOfServiceReason);
        Assert.False(room.IsBookable);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void TakeOutOfService_without_a_reason_is_invalid_and_changes_nothing(string reason)
    {
        var room = A.Room().Build();

        var e = Invalid(() => room.TakeOutOfService(reason, Instants.Utc(2026, 11, 23, 0, 0)));

        Assert.Equal(["reason"], e.Errors.Keys);
        Assert.True(room.IsBookable);
    }

    [Fact]
    public void TakeOutOfService_again_replaces_the_reason()
    {
        var room = A.Room().OutOfService().Build();

        room.TakeOutOfService("Painting", Instants.Utc(2026, 11, 23, 0, 0));

        Assert.True(room.IsOutOfService);
        Assert.Equal("Painting", room.OutOfServiceReason);
    }

    [Fact]
    public void ReturnToService_makes_it_bookable_again()
    {
        var room = A.Room().OutOfService().Build();

        room.ReturnToService(Instants.Utc(2026, 11, 23, 0, 0));

        Assert.False(room.IsOutOfService);
        Assert.Null(room.OutOfServiceReason);
        Assert.True(room.IsBookable);
    }

    [Fact]
    public void Delete_marks_it_deleted_and_unbookable()
    {
        var room = A.Room().Build();

        room.Delete(Utc(2026, 11, 23, 5, 0));

        Assert.Equal(Utc(2026, 11, 23, 5, 0), room.DeletedAt);
        Assert.True(room.IsDeleted);
        Assert.False(room.IsBookable);
    }

    [Fact]
    public void Delete_again_keeps_the_first_deletion_instant()
    {
        var room = A.Room().Build();
        room.Delete(Utc(2026, 11, 23, 5, 0));

        room.Delete(Utc(2026, 11, 24, 5, 0));

        Assert.Equal(Utc(2026, 11, 23, 5, 0), room.DeletedAt);
    }

    [Fact]
    public void Deleted_room_stays_unbookable_when_returned_to_service()
    {
        var room = A.Room().Deleted().Build();

        room.ReturnToService(Instants.Utc(2026, 11, 23, 0, 0));

        Assert.False(room.IsBookable);
    }

    [Fact]
    public void Register_raises_room_registered_naming_the_room()
    {
        var room = Room.Register("Harbor", 2, 8, [], false, At);

        var registered = Assert.IsType<RoomRegistered>(Assert.Single(room.DomainEvents));
        Assert.Equal(("Harbor", 2, At), (registered.Name, registered.Floor, registered.OccurredAt));
    }

    [Fact]
    public void Update_raises_room_edited()
    {
        var room = Room.Register("Harbor", 2, 8, [], false, At);
        room.ClearDomainEvents();

        room.Update("Harbor", 3, 8, [], false, At.AddMinutes(1));

        var edited = Assert.IsType<RoomEdited>(Assert.Single(room.DomainEvents));
        Assert.Equal(At.AddMinutes(1), edited.OccurredAt);
    }

    [Fact]
    public void A_refused_update_raises_nothing()
    {
        var room = Room.Register("Harbor", 2, 8, [], false, At);
        room.ClearDomainEvents();

        Invalid(() => room.Update("Harbor", 3, 0, [], false, At));

        Assert.Empty(room.DomainEvents);
    }
}
