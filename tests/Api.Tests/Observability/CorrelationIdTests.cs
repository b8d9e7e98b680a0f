using System.Net;
using System.Net.Http.Json;
using System.Text;
using OrderEngine.Api.Correlation;
using OrderEngine.Api.Tests.Support;

namespace OrderEngine.Api.Tests.Observability;

/// <summary>Every response carries X-Correlation-ID: the caller's when it is a sane token, a new one otherwise; problems repeat it.</summary>
public sealed class CorrelationIdTests
{
    private const string GeneratedId = "^[0-9a-f]{32}$";

    public static TheoryData<string, string> Requests => new()
    {
        { "GET", "/health" },
        { "GET", "/health/live" },
        { "GET", "/health/ready" },
        { "GET", "/openapi/v1.json" },
        { "GET", "/skus/no-such-sku" },
        { "GET", "/orders/no-such-order" },
        { "GET", "/orders/bad%20id" },
        { "POST", "/orders" },
        { "GET", "/no-such-route" },
        { "DELETE", "/orders/some-order" },
        { "GET", "/admin/maintenance" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_response_carries_a_fresh_correlation_id_and_a_problem_repeats_it(string method, string path)
    {
        await using var host = new ApiHost();
        using var client = host.CreateClient();

        using var firstRequest = new HttpRequestMessage(new HttpMethod(method), path);
        using var secondRequest = new HttpRequestMessage(new HttpMethod(method), path);
        using var first = await client.SendAsync(firstRequest);
        using var second = await client.SendAsync(secondRequest);

        var firstId = Assert.Single(first.Headers.GetValues(CorrelationIdMiddleware.HeaderName));
        var secondId = Assert.Single(second.Headers.GetValues(CorrelationIdMiddleware.HeaderName));
        Assert.Matches(GeneratedId, firstId);
        Assert.Matches(GeneratedId, secondId);
        Assert.NotEqual(firstId, secondId);
        if (first.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            Assert.Equal(firstId, (await OrderApi.ReadProblemAsync(first)).GetProperty("correlationId").GetString());
        }
    }

    [Fact]
    public async Task Problems_of_every_kind_carry_the_correlation_id_of_their_response()
    {
        await using var host = new ApiHost(new Dictionary<string, string?> { ["RateLimit:PermitLimit"] = "1", ["RateLimit:Window"] = "01:00:00" });
        var sku = await host.DefineSaleAsync(stock: 1);
        using var client = host.CreateClient();
        using var first = await OrderApi.PlaceAsync(client, "correlated", sku);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        HttpRequestMessage[] requests =
        [
            new(HttpMethod.Post, "/orders") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") },
            new(HttpMethod.Post, "/orders") { Content = JsonContent.Create(new { customerId = "correlated", items = new[] { new { sku, quantity = 1 } } }) },
            new(HttpMethod.Post, "/orders") { Content = JsonContent.Create(new { customerId = "other", items = new[] { new { sku = sku + "-unknown", quantity = 1 } } }) },
            new(HttpMethod.Post, "/orders") { Content = JsonContent.Create(new { customerId = "third", items = new[] { new { sku, quantity = 1 } } }) },
            new(HttpMethod.Post, "/orders") { Content = new StringContent(new string(' ', 17 * 1024), Encoding.UTF8, "application/json") },
            new(HttpMethod.Get, "/admin/orders/recent"),
            new(HttpMethod.Get, "/orders/no-such-order"),
        ];
        var statuses = new List<int>();
        foreach (var request in requests)
        {
            using (request)
            {
                request.Headers.Add(CorrelationIdMiddleware.HeaderName, "problem-" + statuses.Count);
                using var response = await client.SendAsync(request);
                statuses.Add((int)response.StatusCode);
                Assert.Equal("problem-" + (statuses.Count - 1), Assert.Single(response.Headers.GetValues(CorrelationIdMiddleware.HeaderName)));
                Assert.Equal("problem-" + (statuses.Count - 1), (await OrderApi.ReadProblemAsync(response)).GetProperty("correlationId").GetString());
            }
        }

        Assert.Equal([400, 429, 422, 409, 413, 401, 404], statuses);
    }

    [Theory]
    [InlineData("abc-123")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")]
    [InlineData("Trace.ID_with:all-allowed.chars")]
    [InlineData("x")]
    public async Task A_sane_supplied_correlation_id_is_echoed(string supplied)
    {
        await using var host = new ApiHost();
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/no-such-order");
        request.Headers.Add(CorrelationIdMiddleware.HeaderName, supplied);

        using var response = await client.SendAsync(request);

        Assert.Equal(supplied, Assert.Single(response.Headers.GetValues(CorrelationIdMiddleware.HeaderName)));
        Assert.Equal(supplied, (await OrderApi.ReadProblemAsync(response)).GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task A_supplied_correlation_id_of_100_characters_is_echoed_and_one_of_101_replaced()
    {
        await using var host = new ApiHost();
        using var client = host.CreateClient();

        Assert.Equal(new string('a', 100), await EchoedAsync(client, new string('a', 100)));
        Assert.Matches(GeneratedId, await EchoedAsync(client, new string('a', 101)));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("semi;colon")]
    [InlineData("quote\"d")]
    [InlineData("cliënt")]
    [InlineData("")]
    public async Task An_insane_supplied_correlation_id_is_replaced_with_a_new_one(string supplied)
    {
        await using var host = new ApiHost();
        using var client = host.CreateClient();

        var echoed = await EchoedAsync(client, supplied);

        Assert.Matches(GeneratedId, echoed);
        Assert.NotEqual(supplied, echoed);
    }

    private static async Task<string> EchoedAsync(HttpClient client, string supplied)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/no-such-order");
        request.Headers.TryAddWithoutValidation(CorrelationIdMiddleware.HeaderName, supplied);
        using var response = await client.SendAsync(request);
        var echoed = Assert.Single(response.Headers.GetValues(CorrelationIdMiddleware.HeaderName));
        Assert.Equal(echoed, (await OrderApi.ReadProblemAsync(response)).GetProperty("correlationId").GetString());
        return echoed;
    }
}
