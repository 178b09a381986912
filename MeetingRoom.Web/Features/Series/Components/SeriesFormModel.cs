using MeetingRoom.Domain.Series;

namespace MeetingRoom.Web.Features.Series.Components;

/// <summary>
/// What the admin fills in on the "New series" form (issue 22), as the form binds it: the room, the period (its start,
/// site-local "HH:mm"), the first date (site-local), the title, the booker (a member's id; null: the admin), the rule's
/// parts and whether to skip conflicts. <see cref="ToRequest"/> gives the API's <see cref="SeriesRequest"/>; rules are
/// not checked here but by the service, whose field problems the form shows next to their fields.
/// </summary>
public sealed class SeriesFormModel
{
    /// <summary>How a monthly series picks its day.</summary>
    public enum MonthlyBy { DayOfMonth, WeekdayOfMonth }

    /// <summary>How the series ends.</summary>
    public enum EndBy { Count, Until }

    public int? RoomId { get; set; }
    public string? Start { get; set; }
    public DateTime? FirstDate { get; set; }
    public string? Title { get; set; }
    /// <summary>The booker's member id; null: the admin making it.</summary>
    public string? BookerId { get; set; }
    public string? BookerName { get; set; }
    public SeriesFrequency Frequency { get; set; } = SeriesFrequency.Weekly;
    public int Interval { get; set; } = 1;
    public HashSet<DayOfWeek> Weekdays { get; set; } = [];
    public MonthlyBy Monthly { get; set; } = MonthlyBy.DayOfMonth;
    /// <summary>1..31, or −1 for the last day.</summary>
    public int? MonthDay { get; set; }
    /// <summary>1..5, or −1 for the last.</summary>
    public int SetPosition { get; set; } = 1;
    public DayOfWeek SetWeekday { get; set; } = DayOfWeek.Monday;
    public EndBy Ends { get; set; } = EndBy.Count;
    public int? Count { get; set; } = 10;
    public DateTime? Until { get; set; }
    public bool SkipConflicts { get; set; } = true;

    /// <summary>Starts on <paramref name="firstDate"/>: a weekly series on that weekday, a monthly one on that day.</summary>
    public static SeriesFormModel StartingOn(DateOnly firstDate) => new()
    {
        FirstDate = firstDate.ToDateTime(TimeOnly.MinValue),
        Weekdays = [firstDate.DayOfWeek],
        SetWeekday = firstDate.DayOfWeek,
        SetPosition = Math.Min(5, (firstDate.Day - 1) / 7 + 1),
        MonthDay = firstDate.Day,
    };

    /// <summary>The rule as the API takes it (only the parts of the chosen frequency).</summary>
    public SeriesRuleDto Rule() => new(Frequency, Interval,
        Ends == EndBy.Count ? Count : null,
        Ends == EndBy.Until && Until is { } until ? DateOnly.FromDateTime(until) : null,
        Frequency switch
        {
            SeriesFrequency.Weekly when Weekdays.Count > 0 => [.. Weekdays.OrderBy(d => ((int)d + 6) % 7)],
            SeriesFrequency.Monthly when Monthly == MonthlyBy.WeekdayOfMonth => [SetWeekday],
            _ => null,
        },
        Frequency == SeriesFrequency.Monthly && Monthly == MonthlyBy.DayOfMonth ? MonthDay : null,
        Frequency == SeriesFrequency.Monthly && Monthly == MonthlyBy.WeekdayOfMonth ? SetPosition : null);

    /// <summary>The request for the preview and for saving.</summary>
    public SeriesRequest ToRequest() => new(RoomId ?? 0, Start, FirstDate is { } first ? DateOnly.FromDateTime(first) : default, Title, Rule(),
        string.IsNullOrEmpty(BookerId) ? null : BookerId, SkipConflicts);
}
