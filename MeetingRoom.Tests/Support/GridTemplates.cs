using MeetingRoom.Web.Features.Schedule;
using Microsoft.AspNetCore.Components;

namespace MeetingRoom.Tests.Support;

/// <summary>Templates for rendering <see cref="LiveScheduleGrid"/> bare in component tests: a room is its name, a cell its state.</summary>
public static class GridTemplates
{
    /// <summary>A room header: the room's name as text.</summary>
    public static RenderFragment<ScheduleRoomDto> RoomName { get; } = room => b => b.AddContent(0, room.Name);

    /// <summary>A cell: <c>&lt;span data-room data-start data-state&gt;</c>, the state as the grid shows it now.</summary>
    public static RenderFragment<LiveSlot> CellState { get; } = slot => b =>
    {
        b.OpenElement(0, "span");
        b.AddAttribute(1, "data-room", slot.Room.Name);
        b.AddAttribute(2, "data-start", slot.Cell.Start);
        b.AddAttribute(3, "data-state", slot.Cell.State.ToString());
        b.CloseElement();
    };
}
