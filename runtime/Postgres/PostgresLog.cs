using Microsoft.Extensions.Logging;

namespace OrderEngine.Runtime.Postgres;

/// <summary>Log messages of the PostgreSQL providers.</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "PostgreSQL storage schema is in place")]
    public static partial void SchemaReady(this ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "PostgreSQL write batch of {Operations} operations failed; retrying them one at a time")]
    public static partial void BatchFailed(this ILogger logger, Exception exception, int operations);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "PostgreSQL {Kind} operation failed")]
    public static partial void OperationFailed(this ILogger logger, Exception exception, string kind);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "A PostgreSQL writer loop could not open a connection; failing {Operations} queued operations")]
    public static partial void ConnectionFailed(this ILogger logger, Exception exception, int operations);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "A PostgreSQL writer loop lost its connection and could not reopen one")]
    public static partial void ReconnectFailed(this ILogger logger, Exception exception);
}
