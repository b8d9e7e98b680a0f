namespace OrderEngine.Grains.Payments;

/// <summary>The HTTP payment service: base URL, the charge and health paths, and HttpClient's own overall timeout.</summary>
public sealed class HttpGatewayOptions
{
    public Uri? BaseUrl { get; set; }

    public string ChargePath { get; set; } = "payments";

    public string HealthPath { get; set; } = "health";

    public TimeSpan ClientTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
