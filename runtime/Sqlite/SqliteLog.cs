using Microsoft.Extensions.Logging;

namespace OrderEngine.Runtime.Sqlite;

/// <summary>Log messages of the SQLite providers.</summary>
internal static partial class SqliteLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "SQLite storage opened at {Path} (WAL, synchronous=FULL)")]
    public static partial void Opened(this ILogger logger, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "SQLite write batch of {Operations} operations failed; retrying them one at a time")]
    public static partial void BatchFailed(this ILogger logger, Exception exception, int operations);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "SQLite {Kind} operation failed")]
    public static partial void OperationFailed(this ILogger logger, Exception exception, string kind);
}
