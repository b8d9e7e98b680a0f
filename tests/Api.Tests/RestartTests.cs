using System.Net.Http.Json;
using OrderEngine.Api.Tests.Support;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.Testing.Postgres;

namespace OrderEngine.Api.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task Every_accepted_order_is_still_there_after_a_silo_restart()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:PostgresConnectionString"] = await TestPostgres.CreateDatabaseAsync(),
            ["RateLimit:PermitLimit"] = "100000",
            ["Orders:StartPaymentAutomatically"] = "false",
        };
        string sku;
        List<OrderSnapshot> before;
        await using (var first = new ApiHost(settings))
        {
            sku = await first.DefineSaleAsync(stock: 100);
            using var client = first.CreateClient();
            var placed = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i => await OrderApi.ReadOrderAsync(await OrderApi.PlaceAsync(client, $"c{i}", sku, 1 + (i % 2)))));
            foreach (var order in placed.Take(10))
            {
                using var cancelled = await client.PostAsJsonAsync($"/orders/{order.OrderId}/cancel", new { reason = "test" });
                cancelled.EnsureSuccessStatusCode();
            }

            using var admin = first.CreateAdminClient();
            foreach (var order in placed.Skip(10))
            {
                using var started = await admin.PostAsJsonAsync("/admin/orders/process", new { orderId = order.OrderId, force = false });
                started.EnsureSuccessStatusCode();
                await OrderApi.WaitForStatusAsync(client, order.OrderId, OrderStatus.Paid);
            }

            before = [.. await Task.WhenAll(placed.Select(o => OrderApi.GetAsync(client, o.OrderId)))];
        }

        await using var second = new ApiHost(settings);
        using var restarted = second.CreateClient();
        foreach (var order in before)
        {
            var after = await OrderApi.GetAsync(restarted, order.OrderId);
            Assert.Equal((order.Status, order.Total, order.History.Count), (after.Status, after.Total, after.History.Count));
            Assert.Equal(order.Items, after.Items);
        }

        var stock = await OrderApi.GetSkuAsync(restarted, sku);
        var sold = before.Where(o => o.Status == OrderStatus.Paid).Sum(o => o.Items.Sum(i => i.Quantity));
        Assert.Equal((100 - sold, sold), (stock.Available, stock.Sold));
    }
}
