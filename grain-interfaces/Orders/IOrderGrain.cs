namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>
/// One order (key = order id): a state machine over <see cref="OrderStatus"/> whose every transition is
/// checked against one table. An illegal transition throws <see cref="InvalidOrderTransitionException"/>;
/// a call on an order that was never placed throws <see cref="OrderNotFoundException"/>.
/// </summary>
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reserves every line across SKUs, all or nothing, and answers once the stock is held (payment runs
    /// afterwards, in its own turn). A rejected line answers with the SKU and the reason and records the
    /// order as Failed. Idempotent per order id; the same id with other lines throws <see cref="OrderConflictException"/>.
    /// </summary>
    Task<PlaceOrderResult> Place(PlaceOrder command);

    /// <summary>Replaces the lines of a Reserved order, all or nothing; on rejection the order keeps its old lines.</summary>
    Task<AmendOrderResult> Amend(AmendOrder command);

    /// <summary>Cancels a Pending or Reserved order and releases its stock.</summary>
    Task<OrderSnapshot> Cancel(string reason);

    /// <summary>
    /// Starts payment of a Reserved order, or with <paramref name="force"/> re-runs payment of an order
    /// stuck in Processing. Payment runs in its own turn: the answer shows the order in Processing.
    /// </summary>
    Task<OrderSnapshot> Process(bool force);

    /// <summary>Paid -> Shipped.</summary>
    Task<OrderSnapshot> Ship(string? trackingNumber);

    /// <summary>Shipped -> Completed.</summary>
    Task<OrderSnapshot> Complete();

    /// <summary>The order as it is now, or null when it was never placed. Answers while payment is running.</summary>
    [AlwaysInterleave]
    Task<OrderSnapshot?> GetSnapshot();
}
