namespace MeetingRoom.Domain.Common;

/// <summary>
/// A message for a person, kept language-neutral: a stable <see cref="Key"/> (the resource name the web layer
/// translates it with) and its <see cref="Args"/> (numbers, dates, times, enum values — never pre-formatted text).
/// <see cref="Text"/> is the English wording, for logs, tests and as the fallback when no resource has the key.
/// The domain stays culture-free: it never picks a language.
/// </summary>
/// <param name="Key">Stable PascalCase name of the message, e.g. "CapacityTooSmall".</param>
/// <param name="Text">The English text.</param>
/// <param name="Args">The values the message names, in the order of the resource's placeholders.</param>
public sealed record DomainMessage(string Key, string Text, params object?[] Args)
{
    public override string ToString() => Text;
}
