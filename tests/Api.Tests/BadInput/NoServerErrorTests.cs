using System.Net;
using OrderEngine.Api.Tests.Support;

namespace OrderEngine.Api.Tests.BadInput;

/// <summary>Nothing a client can send is a 500: every bad request of the catalogue, sent to one silo, answers below 500.</summary>
public sealed class NoServerErrorTests
{
    [Fact]
    public async Task No_bad_request_is_answered_with_a_5xx()
    {
        await using var host = new ApiHost(new Dictionary<string, string?> { ["RateLimit:PermitLimit"] = "100000" });
        var sku = await host.DefineSaleAsync(stock: 1000);
        using var client = host.CreateClient();
        using var placed = await OrderApi.PlaceAsync(client, "no-5xx", sku);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = (await OrderApi.ReadOrderAsync(placed)).OrderId;
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var badCase in BadRequestCases.All)
        {
            using var request = badCase.ToRequest(sku, orderId);
            using var response = await client.SendAsync(request);
            answers[badCase.Name] = (int)response.StatusCode;
        }

        Assert.Equal(BadRequestCases.All.Count(), answers.Count);
        Assert.Empty(answers.Where(a => a.Value >= 500).Select(a => $"{a.Key}: {a.Value}"));
    }
}
