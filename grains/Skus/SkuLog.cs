using Microsoft.Extensions.Logging;
using OrderEngine.GrainInterfaces.Skus;

namespace OrderEngine.Grains.Skus;

/// <summary>Log events of SKU grains (2000-2099).</summary>
internal static partial class SkuLog
{
    [LoggerMessage(EventId = 2000, EventName = "SkuDefined", Level = LogLevel.Information,
        Message = "SKU {Sku} defined: stock {Stock}, price {Price}, per-customer limit {Limit}")]
    public static partial void Defined(ILogger logger, string sku, int stock, decimal price, int? limit);

    [LoggerMessage(EventId = 2001, EventName = "SkuRestocked", Level = LogLevel.Information,
        Message = "SKU {Sku} restocked with {Quantity} unit(s); stock now {Stock}")]
    public static partial void Restocked(ILogger logger, string sku, int quantity, int stock);

    [LoggerMessage(EventId = 2002, EventName = "ReservationRefused", Level = LogLevel.Debug,
        Message = "SKU {Sku} refused {Quantity} unit(s) to order {OrderId}: {Outcome} ({Available} available)")]
    public static partial void Refused(ILogger logger, string sku, string orderId, int quantity, ReserveOutcome outcome, int available);
}
