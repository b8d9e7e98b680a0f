namespace OrderEngine.Grains.Orders;

/// <summary>
/// Orders (configuration section "Orders"). Timeouts default to the OrdersService runbook (seed 000): an
/// unpaid reservation expires after 15 minutes; an order in Processing for 30 minutes is stuck, retried
/// <see cref="MaxProcessingRetries"/> times, then failed.
/// </summary>
public sealed class OrdersOptions
{
    public const string SectionName = "Orders";

    /// <summary>A Pending or Reserved order is cancelled, and its stock released, this long after it was placed.</summary>
    public TimeSpan UnpaidTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>An order in Processing without an outcome for this long is stuck.</summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often a stuck order's payment is re-run before the order fails.</summary>
    public int MaxProcessingRetries { get; set; } = 2;

    /// <summary>
    /// True: payment starts in its own turn right after the stock is reserved (the flash-sale flow).
    /// False: payment starts when <c>Process</c> is called, and unpaid orders expire after <see cref="UnpaidTimeout"/>.
    /// </summary>
    public bool StartPaymentAutomatically { get; set; } = true;

    /// <summary>The shortest wait before a payment the circuit breaker deferred is tried again.</summary>
    public TimeSpan MinimumPaymentRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Stuck-order listing: Processing for at least this long.</summary>
    public TimeSpan StuckProcessingAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Stuck-order listing: Reserved (or Pending) for at least this long.</summary>
    public TimeSpan StuckReservedAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Finished orders each index shard keeps for the recent-orders listing.</summary>
    public int RecentOrdersPerShard { get; set; } = 100;

    /// <summary>
    /// How long an order-index change may wait in memory before its shard writes it; every event applied
    /// meanwhile shares that one write. A crash loses at most this much of the listings (the stuck listing
    /// re-reads its candidates from the orders; the orders and their timeouts lose nothing).
    /// </summary>
    public TimeSpan IndexFlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Lines one order may have.</summary>
    public int MaxLinesPerOrder { get; set; } = 100;
}
