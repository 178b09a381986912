namespace MeetingRoom.Web.Features.Schedule;

/// <summary>Configuration section "Board".</summary>
public sealed class BoardOptions
{
    public const string Section = "Board";
    /// <summary>Require sign-in for /board and /hubs/schedule (default false: wall displays have no keyboard).</summary>
    public bool RequireSignIn { get; set; }
    /// <summary>Show who booked a slot on the board and to hub clients (default false).</summary>
    public bool ShowBookerNames { get; set; }
}
