using Microsoft.Extensions.Logging;

namespace OrderEngine.Grains.Admin;

/// <summary>Log events of admin grains (4000-4099).</summary>
internal static partial class AdminLog
{
    [LoggerMessage(EventId = 4000, EventName = "MaintenanceChanged", Level = LogLevel.Warning,
        Message = "Maintenance mode {MaintenanceMode} set by {ChangedBy}: {Message}")]
    public static partial void MaintenanceChanged(ILogger logger, bool maintenanceMode, string changedBy, string? message);

    [LoggerMessage(EventId = 4001, EventName = "ForcedProcessing", Level = LogLevel.Warning,
        Message = "Order {OrderId} processing forced by an operator")]
    public static partial void ForcedProcessing(ILogger logger, string orderId);

    [LoggerMessage(EventId = 4002, EventName = "IndexEventIgnored", Level = LogLevel.Debug,
        Message = "Index shard {Shard} ignored event {EventId} of order {OrderId}: sequence {Sequence} is not newer than {Known}")]
    public static partial void IndexEventIgnored(ILogger logger, string shard, string eventId, string orderId, long sequence, long known);

    [LoggerMessage(EventId = 4003, EventName = "IndexWriteFailed", Level = LogLevel.Error,
        Message = "Index shard {Shard} could not persist; it reloads on its next activation")]
    public static partial void IndexWriteFailed(ILogger logger, string shard, Exception exception);
}
