using System.Diagnostics.Metrics;

namespace OrderEngine.Api.Orders;

/// <summary>The order gateway's instruments, named as in the flash-sale runbook (seed 002).</summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "OrderEngine.Gateway";

    private readonly Counter<long> _received;
    private readonly Counter<long> _successful;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _validationFailed;
    private readonly Counter<long> _idempotencyRejected;
    private readonly Histogram<double> _duration;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>("gateway_orders_received", description: "Orders received by POST /orders");
        _successful = meter.CreateCounter<long>("gateway_orders_successful", description: "Orders accepted (stock reserved)");
        _failed = meter.CreateCounter<long>("gateway_orders_failed", description: "Orders refused or failed, by reason");
        _validationFailed = meter.CreateCounter<long>("gateway_orders_validation_failed", description: "Orders rejected as invalid input");
        _idempotencyRejected = meter.CreateCounter<long>("gateway_orders_idempotency_rejected", description: "Requests that reused an Idempotency-Key with a different body");
        _duration = meter.CreateHistogram<double>("gateway_request_duration_seconds", unit: "s", description: "Time to answer an order request, by route and status");
    }

    public void Received() => _received.Add(1);

    public void Successful() => _successful.Add(1);

    public void Failed(string reason) => _failed.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void ValidationFailed() => _validationFailed.Add(1);

    public void IdempotencyRejected() => _idempotencyRejected.Add(1);

    public void Duration(string route, int status, double seconds) =>
        _duration.Record(seconds, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("status", status));
}
