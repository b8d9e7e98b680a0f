namespace OrderEngine.Api.RateLimiting;

/// <summary>Per-customer order rate limit; the "RateLimit" configuration section (seed 002: 60 per minute).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimit";

    public int PermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The window slides in this many steps.</summary>
    public int SegmentsPerWindow { get; set; } = 6;
}
