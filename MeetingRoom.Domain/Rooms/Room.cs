using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Rooms;

/// <summary>
/// A bookable meeting room (requirement R1): a unique name, a floor, a capacity of at least one
/// person, its equipment, whether bookings need an admin's approval, and whether it is in service.
/// Name uniqueness across rooms is enforced by the database (a unique index), since only it sees all rooms.
/// </summary>
public sealed class Room : AggregateRoot
{
    public const int MaxNameLength = TextRules.MaxNameLength;
    /// <summary>The most people a room can be registered for.</summary>
    public const int MaxCapacity = 10_000;
    /// <summary>The most kinds of equipment one room lists.</summary>
    public const int MaxEquipmentKinds = 50;

    private readonly List<EquipmentItem> _equipment = [];

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public int Floor { get; private set; }
    public int Capacity { get; private set; }
    public bool RequiresApproval { get; private set; }
    public bool IsOutOfService { get; private set; }
    public string? OutOfServiceReason { get; private set; }
    /// <summary>Set when an admin deleted the room; past bookings keep pointing at it (UTC).</summary>
    public DateTimeOffset? DeletedAt { get; private set; }
    public IReadOnlyList<EquipmentItem> Equipment => _equipment;
    /// <summary>Grows with every change of the room; a booking is saved only if the room is still the one it was checked against.</summary>
    public int Version { get; private set; }
    /// <summary>
    /// The version of the site settings (timetable, booking window, limits…) last saved while the room existed: every
    /// settings save stamps every room with its new version, in its transaction, and bumps <see cref="Version"/>. A
    /// booking of the room is decided under site rules at least this new (issue 21: settings coherent across instances).
    /// </summary>
    public int RulesVersion { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>Whether members may book it now (in service and not deleted).</summary>
    public bool IsBookable => !IsOutOfService && !IsDeleted;

    private Room() { }

    /// <summary>Registers a room with its equipment (R1, R2). Raises <see cref="RoomRegistered"/>.</summary>
    /// <exception cref="DomainValidationException">on a blank or too long name, a capacity below 1, or bad equipment.</exception>
    /// <param name="rulesVersion">The version of the site settings in force (<see cref="RulesVersion"/>): a booking of the new
    /// room on any instance is decided under settings at least this new.</param>
    public static Room Register(string name, int floor, int capacity, IEnumerable<EquipmentItem> equipment, bool requiresApproval, DateTimeOffset now,
        int rulesVersion = 0)
    {
        var room = new Room { RulesVersion = rulesVersion };
        room.Apply(name, floor, capacity, equipment, requiresApproval);
        room.Raise(new RoomRegistered(room.Name, room.Floor, now));
        return room;
    }

    /// <summary>Edits the room's details and replaces its equipment list. Raises <see cref="RoomEdited"/>.</summary>
    /// <exception cref="DomainValidationException">as for <see cref="Register"/>.</exception>
    public void Update(string name, int floor, int capacity, IEnumerable<EquipmentItem> equipment, bool requiresApproval, DateTimeOffset now)
    {
        Apply(name, floor, capacity, equipment, requiresApproval);
        Raise(new RoomEdited(Id, now));
    }

    private void Apply(string name, int floor, int capacity, IEnumerable<EquipmentItem> equipment, bool requiresApproval)
    {
        var items = equipment.ToList();
        Validate(name, floor, capacity, items).ThrowIfAny();

        Name = name!.Trim();
        Floor = floor;
        Capacity = capacity;
        RequiresApproval = requiresApproval;
        _equipment.Clear();
        _equipment.AddRange(items);
        Version++;
    }

    /// <summary>
    /// Adds the room rules' errors for these values to <paramref name="errors"/> (or a new collection):
    /// name required, at most <see cref="MaxNameLength"/> characters and no control characters, capacity 1..10,000,
    /// floor in −20..300, at most <see cref="MaxEquipmentKinds"/> kinds of equipment, each once. Lets callers report every field at once.
    /// </summary>
    public static ValidationErrors Validate(string? name, int floor, int capacity, IReadOnlyList<EquipmentItem> equipment, ValidationErrors? errors = null) =>
        (errors ?? new ValidationErrors())
            .AddIf(string.IsNullOrWhiteSpace(name), "name", new DomainMessage("RoomNameRequired", "The room needs a name."))
            .Check("name", name, MaxNameLength)
            .AddIf(capacity < 1, "capacity", new DomainMessage("CapacityTooSmall", "Capacity must be at least 1 person."))
            .AddIf(capacity > MaxCapacity, "capacity", new DomainMessage("CapacityTooLarge", $"Capacity can be at most {MaxCapacity} people.", MaxCapacity))
            .AddIf(equipment.Count > MaxEquipmentKinds, "equipment", new DomainMessage("EquipmentTooManyKinds", $"At most {MaxEquipmentKinds} kinds of equipment.", MaxEquipmentKinds))
            .AddIf(floor is < -20 or > 300, "floor", new DomainMessage("FloorOutOfRange", "The floor must be between -20 and 300."))
            .AddIf(equipment.GroupBy(i => i.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1),
                "equipment", new DomainMessage("EquipmentListedTwice", "Each kind of equipment can be listed once."));

    /// <summary>
    /// Takes the room out of service with a reason (R3); raises <see cref="RoomTakenOutOfService"/>.
    /// The caller cancels its active and future bookings in the same transaction. Taking it out again
    /// only replaces the reason.
    /// </summary>
    /// <exception cref="DomainValidationException">without a reason ("reason").</exception>
    public void TakeOutOfService(string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainValidationException("reason", new DomainMessage("OutOfServiceReasonRequired", "Say why the room is out of service."));
        if (TextRules.Problem(reason, TextRules.MaxReasonLength, multiline: true) is { } problem)
            throw new DomainValidationException("reason", problem);
        var wasInService = !IsOutOfService;
        IsOutOfService = true;
        OutOfServiceReason = reason.Trim();
        Version++;
        if (wasInService) Raise(new RoomTakenOutOfService(Id, OutOfServiceReason, now));
    }

    /// <summary>Puts the room back in service (R3); raises <see cref="RoomReturnedToService"/> if it was out.</summary>
    public void ReturnToService(DateTimeOffset now)
    {
        if (!IsOutOfService) return;
        IsOutOfService = false;
        OutOfServiceReason = null;
        Version++;
        Raise(new RoomReturnedToService(Id, now));
    }

    /// <summary>Marks the room deleted (R2); the caller cancels its active bookings first. Raises <see cref="RoomDeleted"/> once.</summary>
    public void Delete(DateTimeOffset now)
    {
        if (IsDeleted) return;
        DeletedAt = now;
        Version++;
        Raise(new RoomDeleted(Id, now));
    }
}
