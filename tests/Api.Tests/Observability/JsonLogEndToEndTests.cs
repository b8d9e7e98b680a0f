using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OrderEngine.Api.Correlation;
using OrderEngine.Api.Tests.Support;
using OrderEngine.Silo.Logging;
using OrderEngine.Testing.Time;

namespace OrderEngine.Api.Tests.Observability;

/// <summary>The silo logs JSON lines, and the lines written while it serves a request carry the request's correlation id.</summary>
public sealed class JsonLogEndToEndTests
{
    private static readonly Dictionary<string, string?> InformationLogs = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        ["Orders:StartPaymentAutomatically"] = "false",
    };

    [Fact]
    public async Task The_silo_logs_to_the_console_through_the_JSON_lines_formatter_only()
    {
        await using var host = new ApiHost();

        Assert.Equal(JsonLinesConsoleFormatter.FormatterName, host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.IsType<ConsoleLoggerProvider>(Assert.Single(host.Services.GetServices<ILoggerProvider>()));
        Assert.Contains(host.Services.GetServices<ConsoleFormatter>(), f => f is JsonLinesConsoleFormatter);
    }

    [Fact]
    public async Task The_log_lines_of_an_order_request_carry_its_correlation_id()
    {
        using var capture = new JsonLinesCapture();
        await using var host = new ApiHost(InformationLogs, configure: web => web.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(capture)));
        var sku = await host.DefineSaleAsync(stock: 10);
        using var client = host.CreateClient();
        var correlationId = "e2e-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { customerId = "logged", items = new[] { new { sku, quantity = 1 } } }),
        };
        request.Headers.Add(CorrelationIdMiddleware.HeaderName, correlationId);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(correlationId, response.Headers.GetValues(CorrelationIdMiddleware.HeaderName).Single());
        var orderId = (await OrderApi.ReadOrderAsync(response)).OrderId;
        IReadOnlyList<JsonElement> lines = [];
        await Eventually.WaitAsync(
            () => (lines = Correlated(capture, correlationId)).Any(l => Text(l, "event") == "executed_endpoint"),
            "the request's endpoint logged that it finished");

        Assert.All(lines, line =>
        {
            Assert.Equal("orderengine", Text(line, "service"));
            Assert.Equal("/orders", Text(line, "request_path"));
            Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$", Text(line, "timestamp"));
            Assert.Equal("INFO", Text(line, "level"));
        });
        Assert.Contains(lines, l => Text(l, "event") == "executing_endpoint" && Text(l, "endpoint_name") == "HTTP: POST /orders/ => PlaceOrder");
        var queued = Assert.Single(lines, l => Text(l, "event") == "order_queued");
        Assert.Equal((orderId, "logged"), (Text(queued, "order_id"), Text(queued, "customer_id")));
        await Eventually.WaitAsync(
            () => capture.Entries.Any(l => Text(l, "event") == "order_transition" && Text(l, "order_id") == orderId),
            "the order grain logged the new order's transition with its order_id");

        using var other = await client.GetAsync($"/skus/{sku}");
        var otherId = other.Headers.GetValues(CorrelationIdMiddleware.HeaderName).Single();
        Assert.NotEqual(correlationId, otherId);
        await Eventually.WaitAsync(() => Correlated(capture, otherId).Count > 0, "the second request logged under its own id");
        Assert.DoesNotContain(Correlated(capture, otherId), l => Text(l, "request_path") != $"/skus/{sku}");
    }

    private static List<JsonElement> Correlated(JsonLinesCapture capture, string correlationId) =>
        [.. capture.Entries.Where(l => l.TryGetProperty("correlation_id", out var id) && id.GetString() == correlationId)];

    private static string? Text(JsonElement line, string field) => line.TryGetProperty(field, out var value) ? value.GetString() : null;
}
