namespace MeetingRoom.Domain.Common;

/// <summary>
/// Thrown when a value given to the domain breaks an invariant (for example a capacity below 1
/// or overlapping periods). <see cref="Errors"/> maps a field name (camelCase, as in the API)
/// to its English messages; <see cref="Messages"/> gives the same messages language-neutrally
/// (key + arguments), so the web layer can show each one in the reader's language next to its field.
/// </summary>
public sealed class DomainValidationException(IReadOnlyDictionary<string, DomainMessage[]> messages)
    : Exception(string.Join(" ", messages.SelectMany(e => e.Value).Select(m => m.Text)))
{
    /// <summary>Field → its messages (key + arguments).</summary>
    public IReadOnlyDictionary<string, DomainMessage[]> Messages { get; } = messages;

    /// <summary>Field → its messages in English.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } =
        messages.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Text).ToArray());

    public DomainValidationException(string field, DomainMessage message)
        : this(new Dictionary<string, DomainMessage[]> { [field] = [message] }) { }
}

/// <summary>Collects field errors and throws them together.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<DomainMessage>> _errors = new();

    public ValidationErrors Add(string field, DomainMessage message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public ValidationErrors AddIf(bool condition, string field, DomainMessage message) =>
        condition ? Add(field, message) : this;

    public bool Any => _errors.Count > 0;

    /// <summary>Field → messages (key + arguments) collected so far.</summary>
    public IReadOnlyDictionary<string, DomainMessage[]> ToMessages() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Field → English messages collected so far.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Text).ToArray());

    /// <exception cref="DomainValidationException">when any error was added.</exception>
    public void ThrowIfAny()
    {
        if (Any) throw new DomainValidationException(ToMessages());
    }
}
