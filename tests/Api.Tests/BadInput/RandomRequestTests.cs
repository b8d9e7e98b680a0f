using System.Net;
using System.Text.Json;
using OrderEngine.Api.Problems;
using OrderEngine.Api.Tests.Support;

namespace OrderEngine.Api.Tests.BadInput;

/// <summary>Thousands of seeded random requests against one silo with the default rate limit: none is a 5xx, and stock adds up.</summary>
public sealed class RandomRequestTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Random_requests_never_get_a_server_error_and_never_oversell(int seed)
    {
        await using var host = new ApiHost();
        var sku = await host.DefineSaleAsync(stock: 50);
        var limited = await host.DefineSaleAsync(stock: 5, perCustomerLimit: 2);
        using var client = host.CreateClient();
        var requests = new RandomRequests(seed, sku, limited);
        var serverErrors = new List<string>();
        var answered = 0;

        for (var i = 0; i < 1_500; i++)
        {
            using var request = requests.Next();
            var sent = $"{request.Method} {request.RequestUri} {(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync())}";
            using var response = await client.SendAsync(request);
            answered++;
            if ((int)response.StatusCode >= 500 && !await IsMaintenanceAsync(response))
            {
                serverErrors.Add($"{(int)response.StatusCode} for {sent}");
            }

            if (response.StatusCode == HttpStatusCode.Created && request.RequestUri!.OriginalString == "/orders")
            {
                requests.Accepted((await OrderApi.ReadOrderAsync(response)).OrderId);
            }
        }

        Assert.Equal(1_500, answered);
        Assert.Empty(serverErrors);
        foreach (var id in new[] { sku, limited })
        {
            var snapshot = await OrderApi.GetSkuAsync(client, id); // restocks may have raised the stock
            Assert.InRange(snapshot.Available, 0, snapshot.Stock);
            Assert.Equal(snapshot.Stock, snapshot.Available + snapshot.Reserved + snapshot.Sold);
        }
    }

    /// <summary>A 503 is expected only while the generator has switched maintenance mode on.</summary>
    private static async Task<bool> IsMaintenanceAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
        {
            return false;
        }

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("type", out var type) && type.GetString() == ProblemTypes.Maintenance;
    }
}
