namespace MeetingRoom.Domain.Series;

/// <summary>Which occurrences an edit or a cancel of a series touches (the scopes of LibreBooking and the calendar apps).</summary>
public enum SeriesEditScope
{
    /// <summary>Only the occurrence on the given date.</summary>
    Occurrence,
    /// <summary>The occurrence on the given date and every later one.</summary>
    Following,
    /// <summary>Every occurrence that has not started, and the series itself.</summary>
    All,
}
