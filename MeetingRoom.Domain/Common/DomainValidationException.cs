namespace MeetingRoom.Domain.Common;

/// <summary>
/// Thrown when a value given to the domain breaks an invariant (for example a capacity below 1
/// or overlapping periods). <see cref="Errors"/> maps a field name (camelCase, as in the API)
/// to its messages, so callers can show each message next to its field.
/// </summary>
public sealed class DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public DomainValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] }) { }
}

/// <summary>Collects field errors and throws them together.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public ValidationErrors AddIf(bool condition, string field, string message) =>
        condition ? Add(field, message) : this;

    public bool Any => _errors.Count > 0;

    /// <summary>Field → messages collected so far.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <exception cref="DomainValidationException">when any error was added.</exception>
    public void ThrowIfAny()
    {
        if (Any) throw new DomainValidationException(ToDictionary());
    }
}
