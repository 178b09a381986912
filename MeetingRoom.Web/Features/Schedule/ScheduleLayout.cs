namespace MeetingRoom.Web.Features.Schedule;

/// <summary>How <see cref="LiveScheduleGrid"/> lays out the live schedule (issue 25). Each layout shows the same live cells.</summary>
public enum ScheduleLayout
{
    /// <summary>Rooms × periods, a table per floor (desktop and the wall display).</summary>
    Table,

    /// <summary>Phones (narrower than 600 px): one period at a time, chosen by tabs, its rooms as cards per floor.</summary>
    List,

    /// <summary>"Find a room now": the period under way and the next one, each with its free rooms as cards, smallest fit first.</summary>
    Now,
}
