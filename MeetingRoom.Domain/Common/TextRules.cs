namespace MeetingRoom.Domain.Common;

/// <summary>
/// The rules every piece of free text follows (names, reasons): bounded length and no control
/// characters (NUL, BEL, ESC …; a reason may hold line breaks and tabs). One place, so the API,
/// the pages and the domain refuse the same input.
/// </summary>
public static class TextRules
{
    /// <summary>Room and equipment names.</summary>
    public const int MaxNameLength = 100;
    /// <summary>Cancellation, denial and out-of-service reasons.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Why <paramref name="text"/> breaks the rules, or null when it follows them.</summary>
    public static DomainMessage? Problem(string? text, int maxLength, bool multiline = false)
    {
        if (text is null) return null;
        if (text.Trim().Length > maxLength) return new("TextTooLong", $"At most {maxLength} characters.", maxLength);
        foreach (var c in text)
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
                return new("TextControlCharacters", "Control characters are not allowed.");
        return null;
    }

    /// <summary>Adds <paramref name="field"/>'s problem (if any) to <paramref name="errors"/>.</summary>
    public static ValidationErrors Check(this ValidationErrors errors, string field, string? text, int maxLength, bool multiline = false) =>
        Problem(text, maxLength, multiline) is { } problem ? errors.Add(field, problem) : errors;
}
