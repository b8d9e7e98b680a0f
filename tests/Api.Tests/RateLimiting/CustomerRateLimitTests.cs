using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using OrderEngine.Api.Problems;
using OrderEngine.Api.Tests.Support;
using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.Testing.Time;

namespace OrderEngine.Api.Tests.RateLimiting;

/// <summary>The per-customer order limit (seed 002: 60 per minute), here 3 per hour so the window never slides during the test.</summary>
public sealed class CustomerRateLimitTests
{
    [Fact]
    public async Task The_order_over_the_limit_is_429_with_Retry_After_and_takes_nothing_while_another_customer_orders_on()
    {
        await using var host = new ApiHost(new Dictionary<string, string?>
        {
            ["RateLimit:PermitLimit"] = "3",
            ["RateLimit:Window"] = "01:00:00",
            ["Orders:StartPaymentAutomatically"] = "false",
        });
        var sku = await host.DefineSaleAsync(stock: 10);
        using var client = host.CreateClient();
        var placed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await OrderApi.PlaceAsync(client, "limited", sku);
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
            placed.Add((await OrderApi.ReadOrderAsync(accepted)).OrderId);
        }

        using var refused = await OrderApi.PlaceAsync(client, "limited", sku);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.Matches("^[0-9]+$", retryAfter);
        Assert.InRange(int.Parse(retryAfter, CultureInfo.InvariantCulture), 1, 3600);
        var problem = await OrderApi.ReadProblemAsync(refused);
        Assert.Equal((429, ProblemTypes.RateLimited), (problem.GetProperty("status").GetInt32(), problem.GetProperty("type").GetString()));
        Assert.Equal(
            $"Customer limited may place at most the configured number of orders per window; retry after {retryAfter} s.",
            problem.GetProperty("detail").GetString());
        Assert.Equal((7, 3), ((await OrderApi.GetSkuAsync(client, sku)).Available, (await OrderApi.GetSkuAsync(client, sku)).Reserved));

        using var other = await OrderApi.PlaceAsync(client, "unlimited", sku);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var otherId = (await OrderApi.ReadOrderAsync(other)).OrderId;
        Assert.Equal(6, (await OrderApi.GetSkuAsync(client, sku)).Available);

        using var admin = host.CreateAdminClient();
        IReadOnlyList<OrderSummary> recent = [];
        string[] expected = [.. placed, otherId];
        await Eventually.WaitAsync(
            async () =>
            {
                recent = (await admin.GetFromJsonAsync<List<OrderSummary>>("/admin/orders/recent?limit=100", OrderApi.Json))!;
                return expected.All(id => recent.Any(o => o.OrderId == id));
            },
            "the index lists the four accepted orders");
        Assert.Equal(placed.Order(StringComparer.Ordinal), recent.Where(o => o.CustomerId == "limited").Select(o => o.OrderId).Order(StringComparer.Ordinal));
    }
}
