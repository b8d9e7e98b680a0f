namespace OrderEngine.Runtime.Sqlite;

/// <summary>Membership times are stored as whole microseconds since the Unix epoch (the precision PostgreSQL keeps), rounded down.</summary>
internal static class UnixMicroseconds
{
    public static long From(DateTimeOffset value)
    {
        var (microseconds, rest) = Math.DivRem(value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, TimeSpan.TicksPerMicrosecond);
        return rest < 0 ? microseconds - 1 : microseconds;
    }

    public static DateTimeOffset To(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond);
}
