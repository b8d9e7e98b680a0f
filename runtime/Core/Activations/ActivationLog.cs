using Microsoft.Extensions.Logging;

namespace OrderEngine.Runtime.Activations;

internal static partial class ActivationLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Activation of {GrainId} failed")]
    public static partial void ActivationFailed(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Deactivation of {GrainId} failed")]
    public static partial void DeactivationFailed(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "A continuation of {GrainId} threw")]
    public static partial void ContinuationFailed(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "One-way call {MethodName} to {GrainId} failed")]
    public static partial void OneWayCallFailed(ILogger logger, string methodName, GrainId grainId, Exception exception);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Timer of {GrainId} failed")]
    public static partial void TimerFailed(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Deactivated {Count} idle activations")]
    public static partial void IdleCollected(ILogger logger, int count);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Shutdown gave up waiting for {Count} activations to deactivate")]
    public static partial void ShutdownTimedOut(ILogger logger, int count);
}
