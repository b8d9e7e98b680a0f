using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OrderEngine.Grains.Skus;

/// <summary>
/// Available units of the SKUs active on this silo, exported as <c>processor_inventory_level{item_id}</c>
/// (seed 002; its alert fires below 10). The SKU grain reports after every change of its stock.
/// </summary>
public sealed class InventoryLevels
{
    public const string MeterName = "OrderEngine.Inventory";

    private readonly ConcurrentDictionary<string, int> _available = new(StringComparer.Ordinal);

    public InventoryLevels(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meterFactory.Create(MeterName).CreateObservableGauge(
            "processor_inventory_level",
            () => _available.Select(level => new Measurement<int>(level.Value, new KeyValuePair<string, object?>("item_id", level.Key))),
            description: "Units available per SKU");
    }

    public void Report(string sku, int available) => _available[sku] = available;

    /// <summary>The SKU left this silo (deactivated): another silo reports it now.</summary>
    public void Forget(string sku) => _available.TryRemove(sku, out _);

    public int? Get(string sku) => _available.TryGetValue(sku, out var available) ? available : null;
}
