using System.Net.Http.Json;
using System.Text.Json;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.GrainInterfaces.Skus;
using OrderEngine.Testing.Time;

namespace OrderEngine.Api.Tests.Support;

/// <summary>HTTP helpers shared by the API tests.</summary>
public static class OrderApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<HttpResponseMessage> PlaceAsync(HttpClient client, string customerId, string sku, int quantity = 1, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new HttpRequestMessage(HttpMethod.Post, "/orders")
        {
            Content = JsonContent.Create(new { customerId, items = new[] { new { sku, quantity } } }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<OrderSnapshot> ReadOrderAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<OrderSnapshot>(Json))!;
    }

    public static async Task<OrderSnapshot> GetAsync(HttpClient client, string orderId)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync($"/orders/{orderId}");
        response.EnsureSuccessStatusCode();
        return await ReadOrderAsync(response);
    }

    public static async Task<SkuSnapshot> GetSkuAsync(HttpClient client, string sku)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (await client.GetFromJsonAsync<SkuSnapshot>($"/skus/{sku}", Json))!;
    }

    /// <summary>Polls the order until it reaches <paramref name="status"/> (payment runs in the background).</summary>
    public static async Task<OrderSnapshot> WaitForStatusAsync(HttpClient client, string orderId, OrderStatus status)
    {
        OrderSnapshot? order = null;
        try
        {
            await Eventually.WaitAsync(async () => (order = await GetAsync(client, orderId)).Status == status, $"order {orderId} reaches {status}");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}; last seen {order?.Status} with history: {string.Join(" | ", order?.History.Select(h => $"{h.To} ({h.Reason})") ?? [])}", timeout);
        }

        return order!;
    }

    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
