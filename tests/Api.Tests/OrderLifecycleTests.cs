using System.Net;
using System.Net.Http.Json;
using OrderEngine.Api.Tests.Support;
using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.Api.Tests;

public sealed class OrderLifecycleTests
{
    [Fact]
    public async Task An_order_goes_from_placed_to_paid_shipped_and_completed_with_its_history()
    {
        await using var host = new ApiHost();
        var sku = await host.DefineSaleAsync(stock: 10, price: 25.50m);
        using var client = host.CreateClient();

        using var placed = await OrderApi.PlaceAsync(client, "c1", sku, quantity: 2);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var order = await OrderApi.ReadOrderAsync(placed);
        Assert.Equal($"/orders/{order.OrderId}", placed.Headers.Location?.OriginalString);
        Assert.Equal(("c1", 51.00m), (order.CustomerId, order.Total));
        Assert.Equal([new OrderItem(sku, 2, 25.50m)], order.Items);

        await OrderApi.WaitForStatusAsync(client, order.OrderId, OrderStatus.Paid);
        using var shipped = await client.PostAsJsonAsync($"/orders/{order.OrderId}/ship", new { trackingNumber = "TRK-1" });
        Assert.Equal(HttpStatusCode.OK, shipped.StatusCode);
        Assert.Equal("TRK-1", (await OrderApi.ReadOrderAsync(shipped)).TrackingNumber);
        using var completed = await client.PostAsync($"/orders/{order.OrderId}/complete", null);
        var final = await OrderApi.ReadOrderAsync(completed);

        Assert.Equal(OrderStatus.Completed, final.Status);
        Assert.Equal(
            [OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Processing, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Completed],
            final.History.Select(h => h.To));
        var stock = await OrderApi.GetSkuAsync(client, sku);
        Assert.Equal((8, 0, 2), (stock.Available, stock.Reserved, stock.Sold));
    }

    [Fact]
    public async Task Cancelling_a_reserved_order_releases_its_stock()
    {
        await using var host = new ApiHost(new Dictionary<string, string?> { ["Orders:StartPaymentAutomatically"] = "false" });
        var sku = await host.DefineSaleAsync(stock: 5);
        using var client = host.CreateClient();
        var order = await OrderApi.ReadOrderAsync(await OrderApi.PlaceAsync(client, "c1", sku, quantity: 3));
        Assert.Equal(2, (await OrderApi.GetSkuAsync(client, sku)).Available);

        using var cancelled = await client.PostAsJsonAsync($"/orders/{order.OrderId}/cancel", new { reason = "changed my mind" });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var body = await OrderApi.ReadOrderAsync(cancelled);
        Assert.Equal(OrderStatus.Cancelled, body.Status);
        Assert.Equal("changed my mind", body.History[^1].Reason);
        Assert.Equal((5, 0, 0), ((await OrderApi.GetSkuAsync(client, sku)).Available, (await OrderApi.GetSkuAsync(client, sku)).Reserved, (await OrderApi.GetSkuAsync(client, sku)).Sold));
    }

    [Fact]
    public async Task Amending_before_payment_re_reserves_and_a_refused_amendment_keeps_the_old_lines()
    {
        await using var host = new ApiHost(new Dictionary<string, string?> { ["Orders:StartPaymentAutomatically"] = "false" });
        var sku = await host.DefineSaleAsync(stock: 5);
        using var client = host.CreateClient();
        var order = await OrderApi.ReadOrderAsync(await OrderApi.PlaceAsync(client, "c1", sku, quantity: 1));

        using var amended = await client.PostAsJsonAsync($"/orders/{order.OrderId}/amend", new { items = new[] { new { sku, quantity = 4 } }, reason = "one for each" });
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        Assert.Equal(4, (await OrderApi.ReadOrderAsync(amended)).Items.Single().Quantity);
        Assert.Equal(1, (await OrderApi.GetSkuAsync(client, sku)).Available);

        using var refused = await client.PostAsJsonAsync($"/orders/{order.OrderId}/amend", new { items = new[] { new { sku, quantity = 6 } } });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("urn:orderengine:problem:insufficient-stock", (await OrderApi.ReadProblemAsync(refused)).GetProperty("type").GetString());
        Assert.Equal(4, (await OrderApi.GetAsync(client, order.OrderId)).Items.Single().Quantity);
        Assert.Equal(1, (await OrderApi.GetSkuAsync(client, sku)).Available);
    }

    [Theory]
    [InlineData("complete")]
    [InlineData("ship")]
    public async Task An_illegal_transition_is_a_409_that_names_it_and_changes_nothing(string action)
    {
        await using var host = new ApiHost(new Dictionary<string, string?> { ["Orders:StartPaymentAutomatically"] = "false" });
        var sku = await host.DefineSaleAsync(stock: 5);
        using var client = host.CreateClient();
        var order = await OrderApi.ReadOrderAsync(await OrderApi.PlaceAsync(client, "c1", sku));

        using var response = await client.PostAsync($"/orders/{order.OrderId}/{action}", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await OrderApi.ReadProblemAsync(response);
        Assert.Equal("urn:orderengine:problem:invalid-transition", problem.GetProperty("type").GetString());
        Assert.Contains("from Reserved to", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await OrderApi.GetAsync(client, order.OrderId);
        Assert.Equal((OrderStatus.Reserved, order.History.Count), (after.Status, after.History.Count));
    }

    [Fact]
    public async Task An_unknown_order_is_a_404_problem()
    {
        await using var host = new ApiHost();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/orders/no-such-order");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("urn:orderengine:problem:order-not-found", (await OrderApi.ReadProblemAsync(response)).GetProperty("type").GetString());
    }
}
