using System.Collections.Concurrent;
using System.Net;
using OrderEngine.Api.Problems;
using OrderEngine.Api.Tests.Support;
using OrderEngine.Testing.Postgres;
using OrderEngine.Testing.Silo;
using OrderEngine.Testing.Time;

namespace OrderEngine.Api.Tests.Cluster;

/// <summary>Three silo processes' worth of API on one PostgreSQL; one crashes in the middle of a flash sale.</summary>
public sealed class ClusterOversellTests
{
    [Fact]
    public async Task Killing_one_of_three_silos_mid_sale_sells_exactly_the_stock_and_every_acknowledged_order_survives()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:PostgresConnectionString"] = database + ";Maximum Pool Size=16", // three silos share the test server with other tests
            ["Cluster:Enabled"] = "true",
            ["Cluster:SiloPort"] = "0",
            ["Cluster:ClusterId"] = $"api-{Guid.NewGuid():N}",
            ["Cluster:ProbeInterval"] = "00:00:00.500",
            ["Cluster:TableRefreshInterval"] = "00:00:00.250",
            ["Orders:StartPaymentAutomatically"] = "false",
            ["RateLimit:PermitLimit"] = "1000",
        };
        var hosts = Enumerable.Range(0, 3).Select(_ => new ApiHost(settings)).ToArray();
        try
        {
            foreach (var host in hosts)
            {
                _ = host.Services; // starts the silo: it joins the cluster
            }

            await Eventually.WaitAsync(() => hosts.All(h => SiloControl.ViewOf(h.Services)?.ActiveSilos.Length == 3), "three silos see each other");
            var sku = await hosts[0].DefineSaleAsync(stock: 1_000);
            var clients = hosts.Select(h => h.CreateClient()).ToArray();
            var live = new[] { true, true, true };
            var accepted = new ConcurrentDictionary<string, string>();
            var soldOut = 0;
            var retries = 0;
            var done = 0;

            async Task PlaceAsync(int i)
            {
                for (var attempt = 0; ; attempt++)
                {
                    Assert.True(attempt < 50, $"order {i} still failing after 50 attempts");
                    var index = Enumerable.Range(0, 3).Where(h => Volatile.Read(ref live[h])).ElementAt((i + attempt) % live.Count(l => l));
                    try
                    {
                        using var response = await OrderApi.PlaceAsync(clients[index], $"customer-{i}", sku, idempotencyKey: $"key-{i}");
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            accepted[$"key-{i}"] = (await OrderApi.ReadOrderAsync(response)).OrderId;
                            return;
                        }

                        if (response.StatusCode == HttpStatusCode.Conflict)
                        {
                            Assert.Equal(ProblemTypes.SoldOut, (await OrderApi.ReadProblemAsync(response)).GetProperty("type").GetString());
                            Interlocked.Increment(ref soldOut);
                            return;
                        }

                        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode); // never a 500, never a lost order
                    }
                    catch (HttpRequestException)
                    {
                    }

                    // Same Idempotency-Key: a retry never takes a second unit. Once a silo has been lost, wait
                    // (on view-change events) until the silos still running no longer place grains on it.
                    Interlocked.Increment(ref retries);
                    if (!Volatile.Read(ref live[2]))
                    {
                        using var settle = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                        await Task.WhenAll(hosts.Take(2).Select(h => SiloControl.WaitForViewAsync(h.Services, v => v.ActiveSilos.Length == 2, settle.Token)));
                    }
                }
            }

            await Task.WhenAll(Enumerable.Range(0, 100).Select(worker => Task.Run(async () =>
            {
                for (var i = worker; i < 5_000; i += 100)
                {
                    await PlaceAsync(i);
                    if (Interlocked.Increment(ref done) == 1_500)
                    {
                        Volatile.Write(ref live[2], false);
                        await SiloControl.KillAsync(hosts[2].Services);
                    }
                }
            })));

            var stock = await OrderApi.GetSkuAsync(clients[0], sku);
            var orders = await Task.WhenAll(accepted.Values.Select(id => OrderApi.GetAsync(clients[1], id)));

            Assert.Equal((1_000, 4_000), (accepted.Count, soldOut));
            Assert.Equal((0, 1_000), (stock.Available, stock.Reserved + stock.Sold));
            Assert.Equal(1_000, orders.Select(o => o.OrderId).Distinct().Count());
            Assert.All(orders, order => Assert.Equal(GrainInterfaces.Orders.OrderStatus.Reserved, order.Status));
            Assert.Equal(3, SiloControl.ViewOf(hosts[0].Services)!.Members.Length);
            Assert.Equal(2, SiloControl.ViewOf(hosts[0].Services)!.ActiveSilos.Length); // only the killed silo was declared dead
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}
