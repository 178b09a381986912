using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Rooms;

/// <summary>One kind of equipment in a room (e.g. "Projector" × 1). Quantity is 1 to <see cref="MaxQuantity"/>.</summary>
public sealed record EquipmentItem
{
    /// <summary>The most of one kind a room can hold: bounded so site-wide totals stay small numbers.</summary>
    public const int MaxQuantity = 1000;

    public string Name { get; }
    public int Quantity { get; }

    /// <exception cref="DomainValidationException">
    /// on an empty, too long or control-character name, or a quantity outside 1..<see cref="MaxQuantity"/> ("equipment").
    /// </exception>
    public EquipmentItem(string name, int quantity = 1)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainValidationException("equipment", new DomainMessage("EquipmentNameRequired", "Equipment needs a name."));
        if (TextRules.Problem(name, TextRules.MaxNameLength) is { } problem)
            throw new DomainValidationException("equipment", problem with { Key = "EquipmentName" + problem.Key, Text = $"Equipment name: {problem.Text}" });
        if (quantity is < 1 or > MaxQuantity)
            throw new DomainValidationException("equipment",
                new DomainMessage("EquipmentQuantityOutOfRange", $"{name.Trim()}: quantity must be between 1 and {MaxQuantity}.", name.Trim(), MaxQuantity));
        Name = name.Trim();
        Quantity = quantity;
    }
}
