namespace OrderEngine.Grains.Payments;

/// <summary>
/// Charges an order. An answer (approved or declined) is a <see cref="PaymentResult"/>; a gateway that
/// cannot answer throws <see cref="PaymentGatewayException"/> (or is cancelled by the caller's timeout).
/// The same <see cref="PaymentRequest.IdempotencyKey"/> must never charge twice.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>A short name for health output ("simulator", "http").</summary>
    string Name { get; }

    Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken);

    Task<GatewayHealth> CheckHealthAsync(CancellationToken cancellationToken);
}
