using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OrderEngine.Api.RateLimiting;

/// <summary>
/// Limits orders per customer with a sliding window. The customer id comes from the request body, so
/// the check runs in the handler after validation rather than as middleware. Limits are per silo.
/// </summary>
public sealed class CustomerRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public CustomerRateLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(customerId => RateLimitPartition.GetSlidingWindowLimiter(customerId, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = settings.PermitLimit,
            Window = settings.Window,
            SegmentsPerWindow = settings.SegmentsPerWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Null when the customer may place an order now, otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string customerId)
    {
        using var lease = _limiter.AttemptAcquire(customerId);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}
