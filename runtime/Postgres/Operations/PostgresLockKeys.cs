using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Postgres.Operations;

/// <summary>Sort keys naming the row a statement locks; batches execute their statements in this order.</summary>
internal static class PostgresLockKeys
{
    public static string State(string storageName, GrainStateKey key) =>
        string.Join('\u001f', "s", storageName, key.GrainId.Type, key.GrainId.Key, key.StateName);

    public static string Reminder(GrainId grainId, string reminderName) =>
        string.Join('\u001f', "r", grainId.Type, grainId.Key, reminderName);
}
