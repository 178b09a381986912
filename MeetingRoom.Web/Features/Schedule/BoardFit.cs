namespace MeetingRoom.Web.Features.Schedule;

/// <summary>
/// What the wall display's screen fits, measured by board.js in CSS pixels: the height of the area for
/// the grid, the height of one room row, and the height a floor adds besides its rows (title and header row).
/// </summary>
public sealed record BoardFit(double Available, double Row, double FloorChrome);
