using Microsoft.Extensions.Logging;
using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.Grains.Orders;

/// <summary>Log events of order grains (1000-1099), each with the order id.</summary>
internal static partial class OrderLog
{
    [LoggerMessage(EventId = 1000, EventName = "OrderTransition", Level = LogLevel.Information,
        Message = "Order {OrderId} {From} -> {To}: {Reason}")]
    public static partial void Transition(ILogger logger, string orderId, OrderStatus from, OrderStatus to, string reason);

    [LoggerMessage(EventId = 1001, EventName = "OrderRejected", Level = LogLevel.Information,
        Message = "Order {OrderId} rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string orderId, string reason);

    [LoggerMessage(EventId = 1002, EventName = "OrderAmended", Level = LogLevel.Information,
        Message = "Order {OrderId} amendment {Outcome}: {Reason}")]
    public static partial void Amended(ILogger logger, string orderId, string outcome, string reason);

    [LoggerMessage(EventId = 1003, EventName = "PaymentDeferred", Level = LogLevel.Warning,
        Message = "Order {OrderId} payment deferred, next try in {Delay}: {Reason}")]
    public static partial void PaymentDeferred(ILogger logger, string orderId, TimeSpan? delay, string reason);

    [LoggerMessage(EventId = 1004, EventName = "OrderDeadLettered", Level = LogLevel.Warning,
        Message = "Order {OrderId} moved to the dead-letter stream after {Attempts} attempt(s): {Reason}")]
    public static partial void DeadLettered(ILogger logger, string orderId, int attempts, string reason);

    [LoggerMessage(EventId = 1005, EventName = "OrderTimeoutIgnored", Level = LogLevel.Debug,
        Message = "Order {OrderId} timeout {Reminder} ignored in status {Status}")]
    public static partial void TimeoutIgnored(ILogger logger, string orderId, string reminder, OrderStatus status);

    [LoggerMessage(EventId = 1006, EventName = "OrderRecovering", Level = LogLevel.Warning,
        Message = "Order {OrderId} finishing work interrupted earlier: {Work}")]
    public static partial void Recovering(ILogger logger, string orderId, string work);

    [LoggerMessage(EventId = 1007, EventName = "OrderPaymentSkipped", Level = LogLevel.Debug,
        Message = "Order {OrderId} scheduled payment skipped in status {Status}")]
    public static partial void PaymentSkipped(ILogger logger, string orderId, OrderStatus status);
}
