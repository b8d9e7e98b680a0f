using Microsoft.Extensions.Logging;

namespace OrderEngine.Runtime.Streams;

internal static partial class StreamLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Delivering event {EventId} of stream {StreamId} failed (attempt {Attempt})")]
    public static partial void DeliveryFailed(ILogger logger, string eventId, StreamId streamId, int attempt, Exception exception);

    [LoggerMessage(EventId = 401, Level = LogLevel.Error, Message = "Gave up delivering event {EventId} of stream {StreamId} after {Attempts} attempts")]
    public static partial void DeliveryAbandoned(ILogger logger, string eventId, StreamId streamId, int attempts);
}
