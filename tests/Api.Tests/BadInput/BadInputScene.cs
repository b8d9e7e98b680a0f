using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderEngine.Api.Tests.Support;
using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.Testing.Time;

namespace OrderEngine.Api.Tests.BadInput;

/// <summary>
/// A fresh SKU with one reserved order, and the state a bad request must not change: the SKU's snapshot,
/// the order's snapshot and the recent-orders listing.
/// </summary>
public sealed class BadInputScene
{
    private const string ArrangeCustomer = "bad-input-arrange";
    private const string SentinelCustomer = "bad-input-sentinel";

    private readonly HttpClient _client;
    private readonly HttpClient _admin;
    private readonly HashSet<string> _knownOrders;
    private readonly string _skuBefore;
    private readonly string _orderBefore;
    private readonly IReadOnlyList<OrderSummary> _recentBefore;

    private BadInputScene(HttpClient client, HttpClient admin, HashSet<string> knownOrders, string sku, string orderId, string skuBefore, string orderBefore, IReadOnlyList<OrderSummary> recentBefore)
    {
        _client = client;
        _admin = admin;
        _knownOrders = knownOrders;
        Sku = sku;
        OrderId = orderId;
        _skuBefore = skuBefore;
        _orderBefore = orderBefore;
        _recentBefore = recentBefore;
    }

    public string Sku { get; }

    public string OrderId { get; }

    /// <param name="knownOrders">Every order placed on this silo so far; the scene adds the ones it places.</param>
    public static async Task<BadInputScene> ArrangeAsync(ApiHost host, HttpClient client, HttpClient admin, HashSet<string> knownOrders)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(knownOrders);
        var sku = await host.DefineSaleAsync(stock: 10);
        using var placed = await OrderApi.PlaceAsync(client, ArrangeCustomer, sku);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var order = await OrderApi.ReadOrderAsync(placed);
        knownOrders.Add(order.OrderId);
        var recent = await WaitUntilListedAsync(admin, knownOrders);
        return new BadInputScene(client, admin, knownOrders, sku, order.OrderId, await SkuJsonAsync(client, sku), await OrderJsonAsync(client, order.OrderId), recent);
    }

    /// <summary>
    /// The SKU and the order are as before; then a sentinel order is placed and, once the index lists it,
    /// the listing is the old one plus the sentinel: the bad request left no order behind, and changed none.
    /// </summary>
    public async Task AssertUnchangedAsync()
    {
        Assert.Equal(_skuBefore, await SkuJsonAsync(_client, Sku));
        Assert.Equal(_orderBefore, await OrderJsonAsync(_client, OrderId));

        using var sentinel = await OrderApi.PlaceAsync(_client, SentinelCustomer, Sku);
        Assert.Equal(HttpStatusCode.Created, sentinel.StatusCode);
        var sentinelId = (await OrderApi.ReadOrderAsync(sentinel)).OrderId;
        _knownOrders.Add(sentinelId);
        var recent = await WaitUntilListedAsync(_admin, _knownOrders);
        Assert.Equal(Listing(_recentBefore), Listing(recent.Where(o => o.OrderId != sentinelId)));
    }

    /// <summary>Waits until the index (fed asynchronously) lists every known order as Reserved, where they all stay, then returns the listing.</summary>
    private static async Task<IReadOnlyList<OrderSummary>> WaitUntilListedAsync(HttpClient admin, HashSet<string> knownOrders)
    {
        IReadOnlyList<OrderSummary> recent = [];
        await Eventually.WaitAsync(
            async () =>
            {
                recent = (await admin.GetFromJsonAsync<List<OrderSummary>>("/admin/orders/recent?limit=1000", OrderApi.Json))!;
                return knownOrders.IsSubsetOf(recent.Where(o => o.Status == OrderStatus.Reserved).Select(o => o.OrderId));
            },
            $"the recent-orders listing shows all {knownOrders.Count} orders placed, reserved");
        return recent;
    }

    private static string Listing(IEnumerable<OrderSummary> orders) =>
        JsonSerializer.Serialize(orders.OrderBy(o => o.OrderId, StringComparer.Ordinal), OrderApi.Json);

    private static async Task<string> SkuJsonAsync(HttpClient client, string sku) =>
        JsonSerializer.Serialize(await OrderApi.GetSkuAsync(client, sku), OrderApi.Json);

    private static async Task<string> OrderJsonAsync(HttpClient client, string orderId) =>
        JsonSerializer.Serialize(await OrderApi.GetAsync(client, orderId), OrderApi.Json);
}
