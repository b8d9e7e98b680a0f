using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Postgres.Operations;

/// <summary>Builds the exception a caller gets when its ETag no longer matches the stored row.</summary>
internal static class StateConflict
{
    public static InconsistentStateException Create(string storageName, GrainStateKey key, string? expectedETag, string operation) =>
        new(
            $"Cannot {operation} state '{key.StateName}' of grain {key.GrainId} in storage '{storageName}': "
            + $"the stored ETag is not {(expectedETag is null ? "absent" : $"'{expectedETag}'")}.",
            storedETag: null,
            currentETag: expectedETag);
}
