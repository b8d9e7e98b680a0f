namespace OrderEngine.Api.Validation;

/// <summary>Collects field errors for a validation problem.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
    }

    public void RequireId(string field, string? value)
    {
        if (value is null)
        {
            Add(field, "is required");
        }
        else if (!Ids.IsValid(value))
        {
            Add(field, $"must be {Ids.Rule}");
        }
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
