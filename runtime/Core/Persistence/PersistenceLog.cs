using Microsoft.Extensions.Logging;

namespace OrderEngine.Runtime.Persistence;

internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Write of state {StateName} of {GrainId} failed; {Callers} callers fail and the activation reloads")]
    public static partial void WriteFailed(ILogger logger, string stateName, GrainId grainId, int callers, Exception exception);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Publishing outbox event {EventId} of {GrainId} failed; retrying in {Delay}")]
    public static partial void PublishFailed(ILogger logger, string eventId, GrainId grainId, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Republishing {Count} outbox events of {GrainId} recovered from storage")]
    public static partial void Recovered(ILogger logger, int count, GrainId grainId);
}
