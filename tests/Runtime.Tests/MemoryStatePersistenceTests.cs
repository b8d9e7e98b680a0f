using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Tests;

public sealed class MemoryStatePersistenceTests : StatePersistenceTests
{
    protected override Task<IGrainStorage> CreateStorageAsync() => Task.FromResult<IGrainStorage>(new MemoryGrainStorage());
}
