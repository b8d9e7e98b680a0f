using OrderEngine.Api.Tests.Support;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.Testing.Time;

namespace OrderEngine.Api.Tests;

public sealed class TimeoutTests
{
    [Fact]
    public async Task An_unpaid_reserved_order_is_cancelled_after_15_minutes_and_its_stock_released()
    {
        var clock = new ManualTimeProvider();
        await using var host = new ApiHost(new Dictionary<string, string?> { ["Orders:StartPaymentAutomatically"] = "false" }, clock);
        var sku = await host.DefineSaleAsync(stock: 10);
        using var client = host.CreateClient();
        var order = await OrderApi.ReadOrderAsync(await OrderApi.PlaceAsync(client, "c1", sku, quantity: 4));

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(OrderStatus.Reserved, (await OrderApi.GetAsync(client, order.OrderId)).Status);
        Assert.Equal(6, (await OrderApi.GetSkuAsync(client, sku)).Available);
        clock.Advance(TimeSpan.FromMinutes(1));

        var cancelled = await OrderApi.WaitForStatusAsync(client, order.OrderId, OrderStatus.Cancelled);
        Assert.Equal(clock.GetUtcNow(), cancelled.StatusSince);
        await Eventually.WaitAsync(async () => (await OrderApi.GetSkuAsync(client, sku)).Available == 10, "the cancelled order's stock is released");
    }
}
