using Microsoft.Extensions.Logging;

namespace OrderEngine.Runtime.Reminders;

internal static partial class ReminderLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Loaded {Count} reminders")]
    public static partial void Loaded(ILogger logger, int count);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Reminder {ReminderName} of {GrainId} failed (attempt {Attempt}); retrying at {RetryAt}")]
    public static partial void DeliveryFailed(ILogger logger, string reminderName, GrainId grainId, int attempt, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Removing fired one-shot reminder {ReminderName} of {GrainId} failed; it may fire again")]
    public static partial void RemoveFailed(ILogger logger, string reminderName, GrainId grainId, Exception exception);
}
