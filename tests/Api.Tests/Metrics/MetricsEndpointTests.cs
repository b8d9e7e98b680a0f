using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Api.Metrics;

namespace OrderEngine.Api.Tests.Metrics;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Get_metrics_answers_the_text_format_with_measurements_made_before_the_first_scrape()
    {
        var meterName = "MetricsTests." + Guid.NewGuid().ToString("N");
        await using var app = await StartAsync(meterName, app => app.MapPrometheusMetrics());
        var meter = app.Services.GetRequiredService<IMeterFactory>().Create(meterName);
        meter.CreateCounter<long>("gateway_orders_received", description: "Total orders received").Add(2);

        using var response = await app.GetTestClient().GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(
            """
            # HELP gateway_orders_received_total Total orders received
            # TYPE gateway_orders_received_total counter
            gateway_orders_received_total 2

            """,
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_path_can_be_chosen()
    {
        var meterName = "MetricsTests." + Guid.NewGuid().ToString("N");
        await using var app = await StartAsync(meterName, app => app.MapPrometheusMetrics("/internal/metrics"));
        var client = app.GetTestClient();

        using var moved = await client.GetAsync(new Uri("/internal/metrics", UriKind.Relative));
        using var old = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(string.Empty, await moved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public void The_exporter_is_one_singleton_configured_by_the_callback()
    {
        using var services = new ServiceCollection()
            .AddPrometheusExporter(options => options.MaxSeriesPerInstrument = 7)
            .AddPrometheusExporter()
            .BuildServiceProvider();

        var exporter = services.GetRequiredService<PrometheusExporter>();

        Assert.Same(exporter, services.GetRequiredService<PrometheusExporter>());
        Assert.Equal(7, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PrometheusExporterOptions>>().Value.MaxSeriesPerInstrument);
    }

    private static async Task<WebApplication> StartAsync(string meterName, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddPrometheusExporter(options =>
        {
            options.MeterPrefixes.Clear();
            options.MeterPrefixes.Add(meterName);
            options.IncludeProcessMetrics = false;
        });
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}
