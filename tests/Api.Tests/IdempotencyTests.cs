using System.Net;
using OrderEngine.Api.Tests.Support;

namespace OrderEngine.Api.Tests;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task The_same_Idempotency_Key_sent_50_times_concurrently_places_one_order()
    {
        await using var host = new ApiHost();
        var sku = await host.DefineSaleAsync(stock: 100);
        using var client = host.CreateClient();
        var key = Guid.NewGuid().ToString("N");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => OrderApi.PlaceAsync(client, "c1", sku, 2, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await OrderApi.ReadOrderAsync(r)).OrderId));
        Assert.Single(ids.Distinct());
        var stock = await OrderApi.GetSkuAsync(client, sku);
        Assert.Equal(98, stock.Available);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_409_and_changes_nothing()
    {
        await using var host = new ApiHost();
        var sku = await host.DefineSaleAsync(stock: 100);
        using var client = host.CreateClient();
        using var first = await OrderApi.PlaceAsync(client, "c1", sku, 1, "key-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await OrderApi.PlaceAsync(client, "c1", sku, 3, "key-1");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("urn:orderengine:problem:idempotency-key-reused", (await OrderApi.ReadProblemAsync(second)).GetProperty("type").GetString());
        Assert.Equal(99, (await OrderApi.GetSkuAsync(client, sku)).Available);
    }

    [Fact]
    public async Task The_same_key_from_another_customer_is_another_order()
    {
        await using var host = new ApiHost();
        var sku = await host.DefineSaleAsync(stock: 100);
        using var client = host.CreateClient();

        var a = await OrderApi.ReadOrderAsync(await OrderApi.PlaceAsync(client, "c1", sku, 1, "shared"));
        var b = await OrderApi.ReadOrderAsync(await OrderApi.PlaceAsync(client, "c2", sku, 1, "shared"));

        Assert.NotEqual(a.OrderId, b.OrderId);
        Assert.Equal(98, (await OrderApi.GetSkuAsync(client, sku)).Available);
    }
}
