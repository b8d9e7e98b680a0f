using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Persistence.Tests.Memory;

public sealed class MemoryGrainStorageTests : GrainStorageConformanceTests
{
    protected override Task<IGrainStorage> CreateStorageAsync(string storageName) => Task.FromResult<IGrainStorage>(new MemoryGrainStorage());
}
