using System.Collections.Concurrent;
using System.Diagnostics;
using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.GrainInterfaces.Skus;
using OrderEngine.Grains.Tests.Support;
using OrderEngine.Testing.Time;

namespace OrderEngine.Grains.Tests.Cluster;

/// <summary>The order flow on three silos: any silo serves any order, and losing a silo loses nothing.</summary>
public sealed class OrderClusterTests
{
    [Fact]
    public async Task The_full_order_flow_works_whichever_silo_each_request_enters()
    {
        await using var cluster = await OrderCluster.StartAsync(3);
        var silos = cluster.Silos;
        var sku = OrderSilo.NewKey("sku");
        await silos[0].GrainFactory.GetGrain<ISkuGrain>(sku).Define(new SaleDefinition(10, 5m, null, null, null));
        var orderId = OrderSilo.NewKey("order");

        var placed = await silos[1].GrainFactory.GetGrain<IOrderGrain>(orderId).Place(OrderScenarios.OneLine(sku, 2));
        await Eventually.WaitAsync(async () => (await silos[2].GrainFactory.GetGrain<IOrderGrain>(orderId).GetSnapshot())?.Status == OrderStatus.Paid, "the payment runs on the order's owner");
        var shipped = await silos[0].GrainFactory.GetGrain<IOrderGrain>(orderId).Ship("TRACK-1");
        var completed = await silos[1].GrainFactory.GetGrain<IOrderGrain>(orderId).Complete();
        var refused = await Assert.ThrowsAsync<InvalidOrderTransitionException>(() => silos[2].GrainFactory.GetGrain<IOrderGrain>(orderId).Cancel("too late"));
        var stock = await silos[2].GrainFactory.GetGrain<ISkuGrain>(sku).GetSnapshot();
        await Eventually.WaitAsync(
            async () => (await silos[2].GrainFactory.GetGrain<IOrderIndexGrain>(0).GetRecent(50)).Any(o => o.OrderId == orderId && o.Status == OrderStatus.Completed),
            "the order's events reach its index shard, wherever that lives");

        Assert.True(placed.Accepted);
        Assert.Equal((OrderStatus.Shipped, OrderStatus.Completed), (shipped.Status, completed.Status));
        Assert.Equal((orderId, OrderStatus.Completed, OrderStatus.Cancelled), (refused.OrderId, refused.From, refused.To));
        Assert.Equal($"Order {orderId} cannot move from Completed to Cancelled.", refused.Message);
        Assert.Equal((8, 0, 2), (stock.Available, stock.Reserved, stock.Sold));
    }

    [Fact]
    public async Task Killing_one_of_three_silos_during_an_oversell_run_sells_exactly_the_stock_and_loses_no_acknowledged_order()
    {
        await using var cluster = await OrderCluster.StartAsync(3);
        var sku = OrderSilo.NewKey("sku");
        await cluster.Silos[0].GrainFactory.GetGrain<ISkuGrain>(sku).Define(new SaleDefinition(1_000, 5m, null, null, null));
        var victim = cluster.Silos[2];
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var placed = 0;
        var retries = 0;
        var recovery = Stopwatch.StartNew();
        TimeSpan? recoveredAfter = null;
        var killed = 0;

        async Task ClientAsync(int client)
        {
            for (var i = client; i < 5_000; i += 50)
            {
                var orderId = $"oversell-{sku}-{i}";
                var command = OrderScenarios.OneLine(sku, customer: $"customer-{i}");
                while (true)
                {
                    var silos = cluster.Silos;
                    try
                    {
                        var result = await silos[i % silos.Count].GrainFactory.GetGrain<IOrderGrain>(orderId).Place(command);
                        acknowledged[orderId] = result.Accepted;
                        if (Volatile.Read(ref killed) == 1 && recoveredAfter is null)
                        {
                            recoveredAfter = recovery.Elapsed;
                        }

                        break;
                    }
                    catch (Exception exception) when (exception is SiloUnavailableException or GrainCallTimeoutException or InconsistentStateException or ObjectDisposedException)
                    {
                        Interlocked.Increment(ref retries); // Same order id: Place is idempotent, so a retry never sells twice.
                    }
                }

                if (Interlocked.Increment(ref placed) == 1_500)
                {
                    recovery.Restart();
                    Volatile.Write(ref killed, 1);
                    await cluster.KillSiloAsync(victim);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 50).Select(client => Task.Run(() => ClientAsync(client))));

        var client = cluster.Silos[0].GrainFactory;
        var stock = await client.GetGrain<ISkuGrain>(sku).GetSnapshot();
        var accepted = acknowledged.Where(a => a.Value).Select(a => a.Key).ToArray();
        var statuses = await Task.WhenAll(accepted.Select(async id => (await client.GetGrain<IOrderGrain>(id).GetSnapshot())!.Status));

        Assert.Equal(5_000, acknowledged.Count);
        Assert.Equal(1_000, accepted.Length);
        Assert.Equal(1_000, stock.Reserved + stock.Sold);
        Assert.Equal(0, stock.Available);
        Assert.All(statuses, status => Assert.Contains(status, new[] { OrderStatus.Reserved, OrderStatus.Processing, OrderStatus.Paid }));
        Assert.NotNull(recoveredAfter);
        Assert.InRange(recoveredAfter!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }
}
