using System.Globalization;
using OrderEngine.Api.Tests.Support;
using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.Api.Tests.Metrics;

/// <summary>The runbook's metric names (seed 002) are what /metrics shows after real orders.</summary>
public sealed class SeedMetricNamesTests
{
    [Fact]
    public async Task Orders_show_up_under_the_runbook_metric_names()
    {
        await using var host = new ApiHost();
        var sku = await host.DefineSaleAsync(stock: 3);
        using var client = host.CreateClient();
        var paid = await OrderApi.ReadOrderAsync(await OrderApi.PlaceAsync(client, "m1", sku, quantity: 2));
        await OrderApi.WaitForStatusAsync(client, paid.OrderId, OrderStatus.Paid);
        using (var refused = await OrderApi.PlaceAsync(client, "m2", sku, quantity: 2))
        {
            Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
        }

        var text = await client.GetStringAsync("/metrics");

        Assert.Equal(2, Value(text, "gateway_orders_received_total"));
        Assert.Equal(1, Value(text, "gateway_orders_successful_total"));
        Assert.Equal(1, Value(text, "processor_orders_processed_total"));
        Assert.Equal(1, Value(text, "processor_orders_processed_success_total"));
        Assert.Equal(1, Value(text, "processor_orders_sold_out_total{reason=\"InsufficientStock\"}"));
        Assert.Equal(1, Value(text, "processor_order_processing_duration_seconds_count"));
        Assert.Equal(1, Value(text, $"processor_inventory_level{{item_id=\"{sku}\"}}"));
        Assert.Equal(0, Value(text, "gateway_circuit_breaker_state"));
    }

    private static double Value(string exposition, string series)
    {
        var line = exposition.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No series '{series}' in:{Environment.NewLine}{exposition}");
        return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
