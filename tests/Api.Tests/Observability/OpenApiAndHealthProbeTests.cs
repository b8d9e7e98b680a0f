using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using OrderEngine.Api.Tests.Support;

namespace OrderEngine.Api.Tests.Observability;

/// <summary>The OpenAPI document and the liveness and readiness probes.</summary>
public sealed class OpenApiAndHealthProbeTests
{
    [Fact]
    public async Task The_OpenAPI_document_lists_the_order_and_admin_endpoints()
    {
        await using var host = new ApiHost();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var paths = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paths");
        Assert.True(paths.GetProperty("/orders").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/orders/{orderId}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/admin/maintenance").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/admin/maintenance").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/admin/skus/{sku}").TryGetProperty("put", out _));
    }

    [Fact]
    public async Task Liveness_is_healthy_without_running_checks()
    {
        await using var host = new ApiHost();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"healthy","checks":{}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_is_healthy_once_storage_answers_and_the_silo_has_started()
    {
        await using var host = new ApiHost();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal(
            new Dictionary<string, string> { ["silo"] = "healthy", ["storage"] = "healthy" },
            body.GetProperty("checks").Deserialize<Dictionary<string, string>>());
    }
}
