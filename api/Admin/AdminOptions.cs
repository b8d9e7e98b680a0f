namespace OrderEngine.Api.Admin;

/// <summary>The "Admin" configuration section.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>The bearer token admin endpoints require. Unset: every admin request is refused.</summary>
    public string? Token { get; set; }
}
