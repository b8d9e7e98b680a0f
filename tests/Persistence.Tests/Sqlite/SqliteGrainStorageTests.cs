using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Persistence;
using Xunit;

namespace OrderEngine.Persistence.Tests.Sqlite;

public sealed class SqliteGrainStorageTests(SqliteFileFixture file) : GrainStorageConformanceTests, IClassFixture<SqliteFileFixture>
{
    private ServiceProvider? _services;

    protected override Task<IGrainStorage> CreateStorageAsync(string storageName)
    {
        _services = SqliteTestHost.Build(file.DatabasePath, options => options.StorageNames.Add(storageName));
        return Task.FromResult(_services.GetRequiredKeyedService<IGrainStorage>(storageName));
    }

    public override async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
