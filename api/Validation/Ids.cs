using System.Text.RegularExpressions;

namespace OrderEngine.Api.Validation;

/// <summary>What an id (SKU, customer, order, idempotency key) may look like: 1 to 64 characters of letters, digits and <c>._:-</c>, starting with a letter or digit.</summary>
public static partial class Ids
{
    public const int MaxLength = 64;
    public const string Rule = "1-64 characters: letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
    private static partial Regex Pattern();
}
