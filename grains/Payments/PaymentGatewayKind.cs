namespace OrderEngine.Grains.Payments;

/// <summary>Which payment gateway the silo uses (Payments:Gateway).</summary>
public enum PaymentGatewayKind
{
    /// <summary>The in-process simulator (default).</summary>
    Simulator,

    /// <summary>A real payment service over HTTP (Payments:Http:BaseUrl).</summary>
    Http,
}
