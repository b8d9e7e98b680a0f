using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OrderEngine.Api.Tests.Support;

namespace OrderEngine.Api.Tests.BadInput;

/// <summary>
/// Requests drawn at random from a seeded generator: every endpoint, with fields missing, of the wrong
/// type, out of range, far in the past or future, or bodies that are not JSON at all, mixed with valid
/// orders and actions on orders that exist, so the state-dependent paths (sold out, limits, illegal
/// transitions, rate limit) are reached too. The catalogue of bad requests tests each answer exactly;
/// this explores the combinations nobody wrote down.
/// </summary>
internal sealed class RandomRequests(int seed, string sku, string limitedSku)
{
    private static readonly Func<JsonNode?>[] Values =
    [
        () => null, () => 0, () => -1, () => 1, () => 2, () => int.MaxValue, () => long.MaxValue, () => long.MinValue,
        () => 1e308, () => -1e308, () => 1e-300, () => 1.5, () => 19.99m, () => decimal.MaxValue,
        () => string.Empty, () => "x", () => new string('a', 65), () => "ä-ö", () => "\u0000", () => "a b", () => "1", () => "-1",
        () => "2030-01-01T00:00:00Z", () => "0001-01-01T00:00:00Z", () => "9999-12-31T23:59:59Z", () => "not-a-date",
        () => true, () => false, () => new JsonArray(), () => new JsonArray(1), () => new JsonObject(), () => new JsonObject { ["a"] = 1 },
    ];

    private static readonly string[] RawBodies =
    [
        "{", "[]", "null", "1", "\"x\"", "{\"items\":[null]}", "{\"customerId\":\"c1\",\"items\":null}",
        "{\"customerId\":\"c1\",\"items\":[{\"sku\":\"s\",\"quantity\":1}],\"customerId\":\"c2\"}",
        "{\"customerId\":\"c1\",\"items\":[{\"sku\":\"s\",\"quantity\":1.0}]}", "{\"customerId\":\"c1\",\"items\":[{\"sku\":\"s\",\"quantity\":\"1\"}]}",
        "{\"maintenanceMode\":\"yes\"}", "{\"orderId\":7,\"force\":1}", "\uFEFF{}",
    ];

    private static readonly string[] Ids = ["c1", "c2", "c3", string.Empty, new string('k', 65), "bad key", "ok-1", "%2F", "..", "-lead"];

    private readonly Random _random = new(seed);
    private readonly List<string> _orders = [];

    /// <summary>Orders this generator saw accepted; actions are drawn on them.</summary>
    public void Accepted(string orderId) => _orders.Add(orderId);

    public HttpRequestMessage Next()
    {
        var request = _random.Next(10) switch
        {
            0 => Json(HttpMethod.Post, "/orders", RandomObject(("customerId", Value), ("items", Items))),
            1 or 2 => Json(HttpMethod.Post, "/orders", ValidOrder()),
            3 when _orders.Count > 0 => Json(HttpMethod.Post, $"/orders/{Pick(_orders)}/{Pick(["cancel", "amend", "ship", "complete"])}",
                RandomObject(("reason", Value), ("items", Items), ("trackingNumber", Value))),
            4 => Admin(Json(HttpMethod.Put, $"/admin/skus/{Pick(["new-sku", sku, new string('s', 65), "a%2Fb", "-bad"])}",
                RandomObject(("stock", Value), ("price", Value), ("perCustomerLimit", Value), ("saleStartsAt", Value), ("saleEndsAt", Value)))),
            5 => Admin(Json(HttpMethod.Post, Pick(["/admin/orders/process", "/admin/maintenance"]),
                RandomObject(("orderId", Value), ("force", Value), ("maintenanceMode", () => _random.Next(10) == 0), ("message", Value)))),
            6 => Admin(new HttpRequestMessage(HttpMethod.Get,
                $"{Pick(["/admin/orders/stuck", "/admin/orders/recent", "/admin/scaling-hints"])}?{Pick(["limit", "currentSilos", "processingOlderThanMinutes", "reservedOlderThanMinutes"])}={Pick(["-1", "0", "10", "abc", "1e9", "99999999999"])}")),
            7 => Raw(Pick(["/orders", "/admin/maintenance", "/admin/orders/process", "/orders/x/amend"]), Pick(RawBodies),
                Pick(["application/json", "text/plain", "application/json; charset=utf-16", "multipart/form-data"])),
            8 => new HttpRequestMessage(HttpMethod.Get, Pick(["/orders/" + new string('z', 65), "/skus/%ff", $"/skus/{sku}", "/orders/abc", "/skus/"])),
            _ => Json(HttpMethod.Post, "/orders", new JsonObject
            {
                ["customerId"] = "many-lines",
                ["items"] = new JsonArray([.. Enumerable.Range(0, Pick([1, 20, 21, 300])).Select(_ => (JsonNode)new JsonObject { ["sku"] = sku, ["quantity"] = 1 })]),
            }),
        };

        if (_random.Next(4) == 0)
        {
            request.Headers.TryAddWithoutValidation(Pick(["Idempotency-Key", "X-Correlation-ID"]), Pick(Ids));
        }

        return request;
    }

    private JsonObject ValidOrder() => new()
    {
        ["customerId"] = Pick(["c1", "c2", "c3"]),
        ["items"] = new JsonArray(new JsonObject { ["sku"] = Pick([sku, limitedSku, "no-such-sku"]), ["quantity"] = Pick([1, 2, 3, 0, 1000, 1001]) }),
    };

    private JsonNode? Value() => Pick(Values)();

    private JsonNode? Items() => _random.Next(3) == 0
        ? Value()
        : new JsonArray([.. Enumerable.Range(0, _random.Next(4)).Select(_ => (JsonNode?)RandomObject(("sku", Value), ("quantity", Value)))]);

    private JsonObject RandomObject(params (string Name, Func<JsonNode?> Value)[] fields)
    {
        var body = new JsonObject();
        foreach (var (name, value) in fields.Where(_ => _random.Next(5) > 0))
        {
            body[name] = value();
        }

        return body;
    }

    private T Pick<T>(IReadOnlyList<T> choices) => choices[_random.Next(choices.Count)];

    private static HttpRequestMessage Json(HttpMethod method, string path, JsonNode body) =>
        Raw(path, body.ToJsonString(), "application/json", method);

    private static HttpRequestMessage Raw(string path, string body, string contentType, HttpMethod? method = null) => new(method ?? HttpMethod.Post, path)
    {
        Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } },
    };

    private static HttpRequestMessage Admin(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.AdminToken);
        return request;
    }
}
