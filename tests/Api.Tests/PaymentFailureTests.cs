using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderEngine.Api.Tests.Support;
using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.Api.Tests;

public sealed class PaymentFailureTests
{
    [Fact]
    public async Task Five_failed_payments_fail_their_orders_open_the_circuit_and_the_next_order_waits_in_Processing()
    {
        await using var host = new ApiHost(new Dictionary<string, string?>
        {
            ["Payments:Simulator:FailureRate"] = "1",
            ["Payments:MaxRetries"] = "0",
        });
        var sku = await host.DefineSaleAsync(stock: 10);
        using var client = host.CreateClient();

        var failed = new List<OrderSnapshot>();
        for (var i = 0; i < 5; i++)
        {
            var order = await OrderApi.ReadOrderAsync(await OrderApi.PlaceAsync(client, $"c{i}", sku));
            failed.Add(await OrderApi.WaitForStatusAsync(client, order.OrderId, OrderStatus.Failed));
        }

        Assert.All(failed, o => Assert.StartsWith("payment failed after 1 attempt(s)", o.FailureReason, StringComparison.Ordinal));
        Assert.Equal(10, (await OrderApi.GetSkuAsync(client, sku)).Available);
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var body = await health.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("unhealthy", "open"), (body.GetProperty("status").GetString(), body.GetProperty("circuit_breaker_state").GetString()));

        // While the circuit is open the gateway is not called: the order waits instead of failing.
        var waiting = await OrderApi.ReadOrderAsync(await OrderApi.PlaceAsync(client, "c-next", sku));
        var processing = await OrderApi.WaitForStatusAsync(client, waiting.OrderId, OrderStatus.Processing);
        Assert.DoesNotContain(processing.History, h => h.To == OrderStatus.Failed);
        Assert.Equal(9, (await OrderApi.GetSkuAsync(client, sku)).Available);
    }
}
