using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrderEngine.Api.Problems;
using OrderEngine.Api.Tests.Support;
using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.Api.Tests.Admin;

/// <summary>
/// Every admin endpoint needs the bearer token: 401 with <c>WWW-Authenticate: Bearer</c> without one, 403 with
/// a wrong one or when no token is configured, and then it does nothing; with the right token it works.
/// </summary>
public sealed class AdminAuthTests
{
    private const string SetMaintenance = "POST /admin/maintenance";
    private const string GetMaintenance = "GET /admin/maintenance";
    private const string StuckOrders = "GET /admin/orders/stuck";
    private const string RecentOrders = "GET /admin/orders/recent";
    private const string ProcessOrder = "POST /admin/orders/process";
    private const string ScalingHints = "GET /admin/scaling-hints";
    private const string Cluster = "GET /admin/cluster";
    private const string DefineSale = "PUT /admin/skus/{sku}";

    private static readonly Dictionary<string, string?> Settings = new() { ["Orders:StartPaymentAutomatically"] = "false" };

    public static TheoryData<string> Endpoints => [SetMaintenance, GetMaintenance, StuckOrders, RecentOrders, ProcessOrder, ScalingHints, Cluster, DefineSale];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_bearer_token_an_admin_endpoint_is_401_with_a_Bearer_challenge_and_does_nothing(string endpoint)
    {
        await using var host = new ApiHost(Settings);
        var target = await Target.ArrangeAsync(host);
        using var client = host.CreateClient();

        foreach (var authorization in new AuthenticationHeaderValue?[] { null, new("Basic", "YWRtaW46YWRtaW4=") })
        {
            using var request = Request(endpoint, target);
            request.Headers.Authorization = authorization;
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
            await AssertProblemAsync(response, 401, ProblemTypes.Unauthorized, "Admin endpoints need an 'Authorization: Bearer <token>' header.");
        }

        await target.AssertUntouchedAsync(host);
    }

    [Theory]
    [InlineData("GET", "/admin/orders/recent?limit=abc", null)]
    [InlineData("GET", "/admin/orders/stuck?processingOlderThanMinutes=abc", null)]
    [InlineData("GET", "/admin/scaling-hints?currentSilos=abc", null)]
    [InlineData("POST", "/admin/maintenance", "{not json")]
    [InlineData("POST", "/admin/orders/process", "{not json")]
    [InlineData("PUT", "/admin/skus/sku-1", "{not json")]
    public async Task Without_a_bearer_token_even_a_malformed_admin_request_is_401(string method, string path, string? body)
    {
        await using var host = new ApiHost(Settings);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        await AssertProblemAsync(response, 401, ProblemTypes.Unauthorized, "Admin endpoints need an 'Authorization: Bearer <token>' header.");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task With_a_wrong_token_an_admin_endpoint_is_403_and_does_nothing(string endpoint)
    {
        await using var host = new ApiHost(Settings);
        var target = await Target.ArrangeAsync(host);
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.AdminToken + "-wrong");

        using var request = Request(endpoint, target);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertProblemAsync(response, 403, ProblemTypes.Forbidden, "The bearer token is not the admin token.");
        await target.AssertUntouchedAsync(host);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task With_no_token_configured_every_admin_request_is_403(string endpoint)
    {
        await using var host = new ApiHost(new Dictionary<string, string?>(Settings) { ["Admin:Token"] = string.Empty });
        var target = new Target("sku-" + Guid.NewGuid().ToString("N")[..12], "order-" + Guid.NewGuid().ToString("N"));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.AdminToken);

        using var request = Request(endpoint, target);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertProblemAsync(response, 403, ProblemTypes.Forbidden, "No admin token is configured (Admin:Token), so admin endpoints are closed.");
        using var sku = await client.GetAsync($"/skus/{target.Sku}");
        Assert.Equal(HttpStatusCode.NotFound, sku.StatusCode);
        using var health = await client.GetFromJsonAsync<JsonDocument>("/health");
        Assert.False(health!.RootElement.GetProperty("maintenance_mode").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task With_the_admin_token_an_admin_endpoint_works(string endpoint)
    {
        await using var host = new ApiHost(Settings);
        var target = await Target.ArrangeAsync(host);
        using var admin = host.CreateAdminClient();

        using var request = Request(endpoint, target);
        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        switch (endpoint)
        {
            case SetMaintenance:
                Assert.Equal((true, "auth test", "admin"), (body.GetProperty("maintenanceMode").GetBoolean(), body.GetProperty("message").GetString(), body.GetProperty("changedBy").GetString()));
                break;
            case GetMaintenance:
                Assert.False(body.GetProperty("maintenanceMode").GetBoolean());
                break;
            case StuckOrders:
                Assert.Equal(0, body.GetArrayLength());
                break;
            case RecentOrders:
                Assert.Equal(JsonValueKind.Array, body.ValueKind);
                break;
            case ProcessOrder:
                Assert.Equal((target.OrderId, OrderStatus.Processing), (body.GetProperty("orderId").GetString(), body.Deserialize<OrderSnapshot>(OrderApi.Json)!.Status));
                break;
            case ScalingHints:
                Assert.Equal(1, body.Deserialize<ScalingHint>(OrderApi.Json)!.CurrentSilos);
                break;
            case Cluster:
                var silo = Assert.Single(body.GetProperty("silos").EnumerateArray());
                Assert.Equal((1, "Active", true), (body.GetProperty("activeSilos").GetInt32(), silo.GetProperty("status").GetString(), silo.GetProperty("reachable").GetBoolean()));
                Assert.True(silo.GetProperty("activations").GetInt32() > 0);
                break;
            default:
                Assert.Equal((target.NewSku, true, 7, 3.5m), (body.GetProperty("sku").GetString(), body.GetProperty("defined").GetBoolean(), body.GetProperty("stock").GetInt32(), body.GetProperty("price").GetDecimal()));
                break;
        }
    }

    private static HttpRequestMessage Request(string endpoint, Target target) => endpoint switch
    {
        SetMaintenance => new(HttpMethod.Post, "/admin/maintenance") { Content = JsonContent.Create(new { maintenanceMode = true, message = "auth test" }) },
        GetMaintenance => new(HttpMethod.Get, "/admin/maintenance"),
        StuckOrders => new(HttpMethod.Get, "/admin/orders/stuck"),
        RecentOrders => new(HttpMethod.Get, "/admin/orders/recent"),
        ProcessOrder => new(HttpMethod.Post, "/admin/orders/process") { Content = JsonContent.Create(new { orderId = target.OrderId }) },
        ScalingHints => new(HttpMethod.Get, "/admin/scaling-hints"),
        Cluster => new(HttpMethod.Get, "/admin/cluster"),
        DefineSale => new(HttpMethod.Put, $"/admin/skus/{target.NewSku}") { Content = JsonContent.Create(new { stock = 7, price = 3.5m }) },
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "not an admin endpoint"),
    };

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string type, string detail)
    {
        var problem = await OrderApi.ReadProblemAsync(response);
        Assert.Equal((status, type, detail), (problem.GetProperty("status").GetInt32(), problem.GetProperty("type").GetString(), problem.GetProperty("detail").GetString()));
    }

    /// <summary>What the admin requests act on: a sale with a reserved order, and a SKU that a sale definition would create.</summary>
    private sealed record Target(string Sku, string OrderId)
    {
        public string NewSku => Sku + "-new";

        public static async Task<Target> ArrangeAsync(ApiHost host)
        {
            var sku = await host.DefineSaleAsync(stock: 10);
            using var client = host.CreateClient();
            using var placed = await OrderApi.PlaceAsync(client, "admin-auth", sku);
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
            return new Target(sku, (await OrderApi.ReadOrderAsync(placed)).OrderId);
        }

        /// <summary>The refused request changed nothing: maintenance is off, the order still reserved, the new SKU undefined.</summary>
        public async Task AssertUntouchedAsync(ApiHost host)
        {
            using var admin = host.CreateAdminClient();
            var maintenance = (await admin.GetFromJsonAsync<MaintenanceStatus>("/admin/maintenance", OrderApi.Json))!;
            Assert.Equal((false, null, 0L), (maintenance.MaintenanceMode, maintenance.ChangedBy, maintenance.Version));
            Assert.Equal(OrderStatus.Reserved, (await OrderApi.GetAsync(admin, OrderId)).Status);
            using var sku = await admin.GetAsync($"/skus/{NewSku}");
            Assert.Equal(HttpStatusCode.NotFound, sku.StatusCode);
        }
    }
}
