using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderEngine.Api.Problems;
using OrderEngine.Api.Tests.Support;
using OrderEngine.GrainInterfaces.Admin;

namespace OrderEngine.Api.Tests.Maintenance;

/// <summary>Maintenance mode (seed 000): new orders get 503 with the operator's message, reads go on, /health shows it.</summary>
public sealed class MaintenanceModeTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Orders:StartPaymentAutomatically"] = "false" };

    [Fact]
    public async Task In_maintenance_new_orders_are_503_with_the_message_reads_go_on_and_switching_off_reopens()
    {
        await using var host = new ApiHost(Settings);
        var sku = await host.DefineSaleAsync(stock: 10);
        using var client = host.CreateClient();
        using var admin = host.CreateAdminClient();
        var before = await OrderApi.ReadOrderAsync(await OrderApi.PlaceAsync(client, "maintained", sku));

        using var on = await admin.PostAsJsonAsync("/admin/maintenance", new { maintenanceMode = true, message = "Scheduled maintenance" });

        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        var status = (await on.Content.ReadFromJsonAsync<MaintenanceStatus>(OrderApi.Json))!;
        Assert.Equal((true, "Scheduled maintenance", "admin", 1L), (status.MaintenanceMode, status.Message, status.ChangedBy, status.Version));
        Assert.Equal(status, await admin.GetFromJsonAsync<MaintenanceStatus>("/admin/maintenance", OrderApi.Json));

        using var refused = await OrderApi.PlaceAsync(client, "maintained", sku);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        var problem = await OrderApi.ReadProblemAsync(refused);
        Assert.Equal(
            (503, ProblemTypes.Maintenance, "Scheduled maintenance"),
            (problem.GetProperty("status").GetInt32(), problem.GetProperty("type").GetString(), problem.GetProperty("detail").GetString()));

        var stock = await OrderApi.GetSkuAsync(client, sku);
        Assert.Equal((sku, 9, 1), (stock.Sku, stock.Available, stock.Reserved));
        Assert.Equal(before.OrderId, (await OrderApi.GetAsync(client, before.OrderId)).OrderId);
        Assert.True(await MaintenanceModeInHealthAsync(client));

        using var off = await admin.PostAsJsonAsync("/admin/maintenance", new { maintenanceMode = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        var offStatus = (await off.Content.ReadFromJsonAsync<MaintenanceStatus>(OrderApi.Json))!;
        Assert.Equal((false, null, 2L), (offStatus.MaintenanceMode, offStatus.Message, offStatus.Version));

        using var reopened = await OrderApi.PlaceAsync(client, "maintained", sku);
        Assert.Equal(HttpStatusCode.Created, reopened.StatusCode);
        Assert.Equal(8, (await OrderApi.GetSkuAsync(client, sku)).Available);
        Assert.False(await MaintenanceModeInHealthAsync(client));
    }

    [Fact]
    public async Task Maintenance_without_a_message_refuses_orders_with_a_default_detail()
    {
        await using var host = new ApiHost(Settings);
        var sku = await host.DefineSaleAsync(stock: 10);
        using var client = host.CreateClient();
        using var admin = host.CreateAdminClient();
        using var on = await admin.PostAsJsonAsync("/admin/maintenance", new { maintenanceMode = true });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);

        using var refused = await OrderApi.PlaceAsync(client, "maintained", sku);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var problem = await OrderApi.ReadProblemAsync(refused);
        Assert.Equal((ProblemTypes.Maintenance, "The order service is under maintenance; please try again later."), (problem.GetProperty("type").GetString(), problem.GetProperty("detail").GetString()));
        Assert.Equal(10, (await OrderApi.GetSkuAsync(client, sku)).Available);
    }

    [Theory]
    [InlineData("""{"message": "Scheduled maintenance"}""", "maintenanceMode", "is required (true or false)")]
    [InlineData("""{"maintenanceMode": null}""", "maintenanceMode", "is required (true or false)")]
    [InlineData("""{}""", "maintenanceMode", "is required (true or false)")]
    [InlineData("""{"maintenanceMode": true, "message": "$LONG"}""", "message", "may be at most 500 characters")]
    public async Task An_invalid_maintenance_body_is_400_and_changes_nothing(string body, string field, string error)
    {
        await using var host = new ApiHost(Settings);
        using var admin = host.CreateAdminClient();
        var before = await admin.GetFromJsonAsync<MaintenanceStatus>("/admin/maintenance", OrderApi.Json);

        using var content = new StringContent(body.Replace("$LONG", new string('m', 501), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/admin/maintenance", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await OrderApi.ReadProblemAsync(response);
        Assert.Equal(ProblemTypes.Validation, problem.GetProperty("type").GetString());
        Assert.Equal(new Dictionary<string, string[]> { [field] = [error] }, problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>());
        Assert.Equal(before, await admin.GetFromJsonAsync<MaintenanceStatus>("/admin/maintenance", OrderApi.Json));
        using var client = host.CreateClient();
        Assert.False(await MaintenanceModeInHealthAsync(client));
    }

    private static async Task<bool> MaintenanceModeInHealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        return health.GetProperty("maintenance_mode").GetBoolean();
    }
}
