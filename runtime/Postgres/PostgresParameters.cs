using Npgsql;
using NpgsqlTypes;
using OrderEngine.Runtime.Membership;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Postgres;

/// <summary>Builds the positional parameters shared by several statements.</summary>
internal static class PostgresParameters
{
    public static void AddStateKey(NpgsqlParameterCollection parameters, string storageName, GrainStateKey key)
    {
        parameters.Add(Text(storageName));
        parameters.Add(Text(key.GrainId.Type));
        parameters.Add(Text(key.GrainId.Key));
        parameters.Add(Text(key.StateName));
    }

    public static void AddReminderKey(NpgsqlParameterCollection parameters, GrainId grainId, string reminderName)
    {
        parameters.Add(Text(grainId.Type));
        parameters.Add(Text(grainId.Key));
        parameters.Add(Text(reminderName));
    }

    public static NpgsqlParameter Text(string value) => new NpgsqlParameter<string> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter NullableText(string? value) =>
        new() { Value = value is null ? DBNull.Value : value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter Int16(short value) => new NpgsqlParameter<short> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Smallint };

    public static NpgsqlParameter Int64(long value) => new NpgsqlParameter<long> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Bigint };

    public static NpgsqlParameter NullableInt64(long? value) =>
        new() { Value = value is { } number ? number : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint };

    public static NpgsqlParameter Json(string? value) =>
        new() { Value = value is null ? DBNull.Value : value, NpgsqlDbType = NpgsqlDbType.Jsonb };

    public static NpgsqlParameter Timestamp(DateTimeOffset value) =>
        new NpgsqlParameter<DateTimeOffset> { TypedValue = value.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz };

    public static void AddMemberKey(NpgsqlParameterCollection parameters, string clusterId, SiloAddress silo)
    {
        parameters.Add(Text(clusterId));
        parameters.Add(Text(silo.ToString()));
    }

    /// <summary>The key ($1, $2) and every other column but the ETag ($3 to $9) of a membership row.</summary>
    public static void AddMember(NpgsqlParameterCollection parameters, string clusterId, MembershipEntry entry)
    {
        AddMemberKey(parameters, clusterId, entry.Silo);
        parameters.Add(Int16((short)entry.Status));
        parameters.Add(Text(entry.SiloName));
        parameters.Add(Text(entry.HostName));
        parameters.Add(NullableText(entry.HttpAddress));
        parameters.Add(Timestamp(entry.StartedAt));
        parameters.Add(Timestamp(entry.IAmAliveAt));
        parameters.Add(Json(SuspicionsJson.Write(entry.Suspicions)));
    }
}
