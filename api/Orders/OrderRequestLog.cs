using Microsoft.Extensions.Logging;

namespace OrderEngine.Api.Orders;

/// <summary>
/// The gateway's own log events for order requests. They are written inside the request's logging
/// scope, so each line carries correlation_id together with order_id and the event name (seed 002).
/// </summary>
public sealed partial class OrderRequestLog(ILogger<OrderRequestLog> logger)
{
    public void Accepted(string orderId, string customerId, int lines, double elapsedMs) => LogAccepted(logger, orderId, customerId, lines, elapsedMs);

    public void Refused(string orderId, string customerId, string reason) => LogRefused(logger, orderId, customerId, reason);

    [LoggerMessage(EventId = 2000, EventName = "order_queued", Level = LogLevel.Information, Message = "Order {OrderId} of {CustomerId} accepted with {Lines} line(s) in {ProcessingTimeMs} ms")]
    private static partial void LogAccepted(ILogger logger, string orderId, string customerId, int lines, double processingTimeMs);

    [LoggerMessage(EventId = 2001, EventName = "order_refused", Level = LogLevel.Information, Message = "Order {OrderId} of {CustomerId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string orderId, string customerId, string reason);
}
