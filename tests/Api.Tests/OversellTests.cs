using System.Collections.Concurrent;
using System.Net;
using OrderEngine.Api.Tests.Support;
using OrderEngine.Testing.Postgres;

namespace OrderEngine.Api.Tests;

/// <summary>The flash sale itself, on PostgreSQL: many more orders than stock, from many customers at once.</summary>
public sealed class OversellTests
{
    [Fact]
    public async Task Five_thousand_orders_from_200_concurrent_clients_against_stock_1000_sell_exactly_1000()
    {
        await using var host = new ApiHost(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:PostgresConnectionString"] = await TestPostgres.CreateDatabaseAsync(),
            ["RateLimit:PermitLimit"] = "100000",
        });
        const int customers = 250;
        const int limit = 4;
        var sku = await host.DefineSaleAsync(stock: 1000, perCustomerLimit: limit);
        using var client = host.CreateClient();
        var requests = new ConcurrentQueue<string>(Enumerable.Range(0, 5000).Select(i => $"customer-{i % customers}"));
        var accepted = new ConcurrentBag<string>();
        var refused = new ConcurrentDictionary<HttpStatusCode, int>();
        var unexpected = new ConcurrentBag<string>();
        var lowestAvailable = int.MaxValue;
        using var done = new CancellationTokenSource();

        var watcher = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var available = (await OrderApi.GetSkuAsync(client, sku)).Available;
                InterlockedMin(ref lowestAvailable, available);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            while (requests.TryDequeue(out var customer))
            {
                using var response = await OrderApi.PlaceAsync(client, customer, sku);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    accepted.Add(customer);
                }
                else
                {
                    refused.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                    if (response.StatusCode != HttpStatusCode.Conflict)
                    {
                        unexpected.Add(await response.Content.ReadAsStringAsync());
                    }
                }
            }
        })));
        await done.CancelAsync();
        await watcher;

        Assert.True(unexpected.IsEmpty, string.Join(Environment.NewLine, unexpected.Take(3)));
        Assert.Equal(1000, accepted.Count);
        Assert.Equal(new Dictionary<HttpStatusCode, int> { [HttpStatusCode.Conflict] = 4000 }, refused.ToDictionary());
        Assert.All(accepted.GroupBy(c => c), g => Assert.Equal(limit, g.Count()));
        var stock = await OrderApi.GetSkuAsync(client, sku);
        Assert.Equal((0, 1000), (stock.Available, stock.Reserved + stock.Sold));
        Assert.True(lowestAvailable >= 0, $"available went to {lowestAvailable}");
    }

    private static void InterlockedMin(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) > value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
