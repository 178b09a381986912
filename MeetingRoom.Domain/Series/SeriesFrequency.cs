namespace MeetingRoom.Domain.Series;

/// <summary>How often a series repeats (RFC 5545 FREQ, the three a room booking needs).</summary>
public enum SeriesFrequency
{
    Daily,
    Weekly,
    Monthly,
}
