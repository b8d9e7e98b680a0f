namespace OrderEngine.Api;

/// <summary>Limits of the HTTP API; the "Api" configuration section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public int MaxLinesPerOrder { get; set; } = 20;

    public int MaxQuantityPerLine { get; set; } = 1000;

    /// <summary>Request bodies above this are answered 413.</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024;

    public int MaxListCount { get; set; } = 1000;
}
