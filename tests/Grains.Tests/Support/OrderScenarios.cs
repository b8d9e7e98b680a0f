using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.Grains.Orders;

namespace OrderEngine.Grains.Tests.Support;

/// <summary>Puts a fresh order into a given status on a silo that starts payment only on request.</summary>
public static class OrderScenarios
{
    public static readonly IReadOnlyDictionary<string, string?> ManualPayment = new Dictionary<string, string?>
    {
        ["Orders:StartPaymentAutomatically"] = "false",
    };

    public static PlaceOrder OneLine(string sku, int quantity = 1, string customer = "customer-1") => new(customer, [new OrderLine(sku, quantity)]);

    public static async Task<string> OrderInAsync(OrderSilo silo, OrderStatus status)
    {
        var orderId = OrderSilo.NewKey("order");
        var order = silo.Order(orderId);
        switch (status)
        {
            case OrderStatus.Pending:
                // The write that records Reserved fails: the stock is held, the order reloads as Pending.
                var sku = await silo.DefineSkuAsync(stock: 10);
                silo.Storage.FailNextWrite(OrderGrain.StateName, "order", orderId, r => r.Payload.Contains("\"status\":\"Reserved\"", StringComparison.Ordinal));
                await Assert.ThrowsAsync<IOException>(() => order.Place(OneLine(sku)));
                break;
            case OrderStatus.Failed:
                var soldOut = await silo.DefineSkuAsync(stock: 0);
                Assert.False((await order.Place(OneLine(soldOut))).Accepted);
                break;
            case OrderStatus.Processing:
                silo.Breaker.Isolate();
                await PlaceReservedAsync(silo, order);
                var refused = silo.Breaker.Status.RejectedCalls;
                await order.Process(force: false);
                await silo.WaitForRefusedPaymentsAsync(refused + 1);
                break;
            default:
                await PlaceReservedAsync(silo, order);
                await AdvanceAsync(silo, order, orderId, status);
                break;
        }

        Assert.Equal(status, (await order.GetSnapshot())!.Status);
        return orderId;
    }

    private static async Task PlaceReservedAsync(OrderSilo silo, IOrderGrain order)
    {
        var sku = await silo.DefineSkuAsync(stock: 10);
        Assert.True((await order.Place(OneLine(sku, 2))).Accepted);
    }

    private static async Task AdvanceAsync(OrderSilo silo, IOrderGrain order, string orderId, OrderStatus status)
    {
        if (status == OrderStatus.Reserved)
        {
            return;
        }

        if (status == OrderStatus.Cancelled)
        {
            await order.Cancel("changed my mind");
            return;
        }

        await order.Process(force: false);
        await silo.WaitForStatusAsync(orderId, OrderStatus.Paid);
        if (status is OrderStatus.Shipped or OrderStatus.Completed)
        {
            await order.Ship("TRACK-1");
        }

        if (status == OrderStatus.Completed)
        {
            await order.Complete();
        }
    }
}
