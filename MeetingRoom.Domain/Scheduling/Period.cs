using MeetingRoom.Domain.Common;

namespace MeetingRoom.Domain.Scheduling;

/// <summary>
/// A fixed block of the day in site-local time, start inclusive, end exclusive
/// (e.g. 10:00–11:50). Requirement T1.
/// </summary>
public sealed record Period
{
    public TimeOnly Start { get; }
    public TimeOnly End { get; }

    /// <exception cref="DomainValidationException">when <paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public Period(TimeOnly start, TimeOnly end)
    {
        if (end <= start)
            throw new DomainValidationException("periods",
                new DomainMessage("PeriodEndsBeforeStart", $"A period must end after it starts ({start:HH\\:mm}–{end:HH\\:mm}).", start, end));
        Start = start;
        End = end;
    }

    public static Period Parse(string start, string end) => new(TimeOnly.Parse(start), TimeOnly.Parse(end));

    public bool Overlaps(Period other) => Start < other.End && other.Start < End;

    public override string ToString() => $"{Start:HH\\:mm}–{End:HH\\:mm}";
}
