namespace MeetingRoom.Domain.Series;

/// <summary>The states of a booking series (issue 22).</summary>
public enum SeriesState
{
    /// <summary>Its occurrences hold their slots.</summary>
    Active,
    /// <summary>An admin cancelled the whole series; its upcoming occurrences were cancelled and their slots freed.</summary>
    Cancelled,
    /// <summary>
    /// Ended by the no-show strikes: the site's <c>seriesNoShowStrikes</c> occurrences in a row were released as no-shows,
    /// so the rest was cancelled (Robin's "strikes").
    /// </summary>
    EndedForNoShows,
}
