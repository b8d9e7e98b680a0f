using System.Collections.Concurrent;
using OrderEngine.Grains.Payments;

namespace OrderEngine.Grains.Tests.Support;

/// <summary>A gateway the test scripts: queued behaviours first, then the default; records every charge.</summary>
public sealed class ScriptedPaymentGateway : IPaymentGateway
{
    private readonly ConcurrentQueue<GatewayBehaviour> _script = new();
    private readonly ConcurrentQueue<PaymentRequest> _charges = new();

    public GatewayBehaviour Default { get; set; } = GatewayBehaviour.Approve;

    public string Name => "scripted";

    public IReadOnlyList<PaymentRequest> Charges => [.. _charges];

    public int ChargesOf(string orderId) => _charges.Count(c => c.OrderId == orderId);

    public void Enqueue(params GatewayBehaviour[] behaviours)
    {
        foreach (var behaviour in behaviours)
        {
            _script.Enqueue(behaviour);
        }
    }

    public Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        _charges.Enqueue(request);
        var behaviour = _script.TryDequeue(out var next) ? next : Default;
        switch (behaviour)
        {
            case GatewayBehaviour.Decline:
                return Task.FromResult(PaymentResult.Decline("insufficient funds"));
            case GatewayBehaviour.Fail:
                throw new PaymentGatewayException("gateway error 503", isTransient: true);
            default:
                return Task.FromResult(PaymentResult.Approve($"tx-{request.IdempotencyKey}"));
        }
    }

    public Task<GatewayHealth> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(new GatewayHealth(true, "scripted"));
}
