namespace MeetingRoom.Web.Features.Insights;

/// <summary>Where <see cref="InsightsQuery"/> reads the figures of whole past days from.</summary>
public enum InsightsSource
{
    /// <summary>The roll-up (table <c>InsightsSlots</c>) for each past day whose rows count all its bookings; the bookings otherwise.</summary>
    RollupWhereComplete,
    /// <summary>The bookings for every day (the same figures, slower).</summary>
    BookingsOnly,
}
