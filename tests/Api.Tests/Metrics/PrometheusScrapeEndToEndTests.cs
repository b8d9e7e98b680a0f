using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Api.Metrics;
using OrderEngine.Api.Tests.Metrics.Support;

namespace OrderEngine.Api.Tests.Metrics;

/// <summary>A real Prometheus server scrapes the endpoint over HTTP and answers queries from what it stored.</summary>
public sealed class PrometheusScrapeEndToEndTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Prometheus_scrapes_the_endpoint_and_stores_counters_labels_and_histograms_as_rendered()
    {
        var meterName = "MetricsTests." + Guid.NewGuid().ToString("N");
        var secondScrape = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scrapes = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddPrometheusExporter(options =>
        {
            options.MeterPrefixes.Clear();
            options.MeterPrefixes.Add(meterName);
            options.HistogramBoundaries["processor_order_processing_duration_seconds"] = [1, 5];
        });
        await using var app = builder.Build();

        // Prometheus scrapes a target again only after it has stored the previous scrape.
        app.Use((context, next) =>
        {
            if (context.Request.Path == MetricsEndpoints.DefaultPath && Interlocked.Increment(ref scrapes) == 2)
            {
                secondScrape.TrySetResult();
            }

            return next(context);
        });
        app.MapPrometheusMetrics();
        var meter = app.Services.GetRequiredService<IMeterFactory>().Create(meterName);
        meter.CreateCounter<long>("gateway_orders_failed", description: "Orders that failed").Add(7, new KeyValuePair<string, object?>("reason", "payment \"timeout\"\\retry"));
        var histogram = meter.CreateHistogram<double>("processor_order_processing_duration_seconds", "s", "Processing time");
        histogram.Record(0.5);
        histogram.Record(6);
        await app.StartAsync();

        using var prometheus = PrometheusServer.Start(new Uri(app.Urls.Single()), job: "orderengine");
        var finished = await Task.WhenAny(secondScrape.Task, prometheus.Exited).WaitAsync(Deadline);
        Assert.True(finished == secondScrape.Task, "prometheus exited:\n" + prometheus.Log);

        using var client = new HttpClient { BaseAddress = prometheus.Address };
        Assert.Equal([("1", "")], await QueryAsync(client, "up", "reason"));
        Assert.Equal([("7", "payment \"timeout\"\\retry")], await QueryAsync(client, "gateway_orders_failed_total", "reason"));
        var buckets = await QueryAsync(client, "processor_order_processing_duration_seconds_bucket", "le");
        Assert.Equal([("1", "1"), ("1", "5"), ("2", "+Inf")], buckets.OrderBy(bucket => bucket.Value, StringComparer.Ordinal).ThenBy(bucket => bucket.Label, StringComparer.Ordinal));
        Assert.Equal([("6.5", "")], await QueryAsync(client, "processor_order_processing_duration_seconds_sum", "reason"));
        Assert.True(double.Parse((await QueryAsync(client, "process_start_time_seconds", "reason")).Single().Value, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    /// <summary>An instant query: each result's value and the given label (empty when absent).</summary>
    private static async Task<List<(string Value, string Label)>> QueryAsync(HttpClient client, string query, string label)
    {
        using var response = await client.GetAsync(new Uri("api/v1/query?query=" + Uri.EscapeDataString(query), UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return
        [
            .. body.GetProperty("data").GetProperty("result").EnumerateArray().Select(result => (
                result.GetProperty("value")[1].GetString()!,
                result.GetProperty("metric").TryGetProperty(label, out var value) ? value.GetString()! : string.Empty)),
        ];
    }
}
