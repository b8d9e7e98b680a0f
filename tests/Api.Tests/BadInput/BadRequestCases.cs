using OrderEngine.Api.Problems;
using OrderEngine.Api.Validation;

namespace OrderEngine.Api.Tests.BadInput;

/// <summary>Every bad request the API is tested with, by name: orders, sale definitions, reads, actions, routes.</summary>
public static class BadRequestCases
{
    public const string Customer = "bad-input-customer";

    private const string IdRule = "must be " + Ids.Rule;
    private const string NotJson = "The body is not valid JSON for this request";
    private const string QuantityRange = "must be between 1 and 1000";
    private const string StockRule = "is required, between 0 and 100000000";
    private const string PriceRule = "is required, above 0 and at most 1000000, with at most 2 decimals";

    private static readonly string Line = """{"sku": "$SKU", "quantity": 1}""";

    public static IReadOnlyList<BadRequestCase> PlaceOrder { get; } =
    [
        Order("malformed JSON", """{"customerId": "bad-input-customer", "items": [{"sku": "$SKU" "quantity": 1}]}""", 400, ProblemTypes.MalformedRequest, NotJson + " at $.items[0]: ") with { Match = DetailMatch.Prefix },
        Order("truncated JSON", """{"customerId": "bad-input-customer", "items": [{"sku": "$SKU", "quan""", 400, ProblemTypes.MalformedRequest, NotJson + " at $.items[0]: ") with { Match = DetailMatch.Prefix },
        Order("customerId as a number", """{"customerId": 42, "items": [{"sku": "$SKU", "quantity": 1}]}""", 400, ProblemTypes.MalformedRequest, NotJson + " at $.customerId: ") with { Match = DetailMatch.Prefix },
        Order("text/plain content type", Body(Line), 415, ProblemTypes.UnsupportedMediaType, "text/plain") with { ContentType = "text/plain", Match = DetailMatch.Contains },
        Order("no body", null, 400, ProblemTypes.Validation, "is required", "body"),
        Order("missing customerId", """{"items": [{"sku": "$SKU", "quantity": 1}]}""", 400, ProblemTypes.Validation, "is required", "customerId"),
        Order("missing items", """{"customerId": "bad-input-customer"}""", 400, ProblemTypes.Validation, "must hold at least one line", "items"),
        Order("empty items", """{"customerId": "bad-input-customer", "items": []}""", 400, ProblemTypes.Validation, "must hold at least one line", "items"),
        Order("null line", """{"customerId": "bad-input-customer", "items": [null]}""", 400, ProblemTypes.Validation, "is required", "items[0]"),
        Order("missing sku", """{"customerId": "bad-input-customer", "items": [{"quantity": 1}]}""", 400, ProblemTypes.Validation, "is required", "items[0].sku"),
        Order("missing quantity", """{"customerId": "bad-input-customer", "items": [{"sku": "$SKU"}]}""", 400, ProblemTypes.Validation, "is required", "items[0].quantity"),
        Order("quantity 0", Body("""{"sku": "$SKU", "quantity": 0}"""), 400, ProblemTypes.Validation, QuantityRange, "items[0].quantity"),
        Order("negative quantity", Body("""{"sku": "$SKU", "quantity": -1}"""), 400, ProblemTypes.Validation, QuantityRange, "items[0].quantity"),
        Order("quantity 1000000000000", Body("""{"sku": "$SKU", "quantity": 1000000000000}"""), 400, ProblemTypes.Validation, QuantityRange, "items[0].quantity"),
        Order("quantity 1e12", Body("""{"sku": "$SKU", "quantity": 1e12}"""), 400, ProblemTypes.MalformedRequest, NotJson + " at $.items[0].quantity: ") with { Match = DetailMatch.Prefix },
        Order("quantity beyond long", Body("""{"sku": "$SKU", "quantity": 9223372036854775808}"""), 400, ProblemTypes.MalformedRequest, NotJson + " at $.items[0].quantity: ") with { Match = DetailMatch.Prefix },
        Order("quantity as a string", Body("""{"sku": "$SKU", "quantity": "2"}"""), 400, ProblemTypes.MalformedRequest, NotJson + " at $.items[0].quantity: ") with { Match = DetailMatch.Prefix },
        Order("quantity 1.5", Body("""{"sku": "$SKU", "quantity": 1.5}"""), 400, ProblemTypes.MalformedRequest, NotJson + " at $.items[0].quantity: ") with { Match = DetailMatch.Prefix },
        Order("unknown SKU", Body("""{"sku": "$SKU-unknown", "quantity": 1}"""), 422, ProblemTypes.UnknownSku, "No flash sale is defined for SKU $SKU-unknown."),
        Order("21 lines", Body(string.Join(", ", Enumerable.Range(0, 21).Select(i => $$"""{"sku": "$SKU-{{i}}", "quantity": 1}"""))), 400, ProblemTypes.Validation, "may hold at most 20 lines", "items"),
        Order("the same SKU twice", Body(Line + ", " + Line), 400, ProblemTypes.Validation, "SKU $SKU appears twice; put the whole quantity on one line", "items[1].sku"),
        Order("body over 16 KiB", $$"""{"customerId": "bad-input-customer", "items": [{{Line}}], "padding": "{{new string('x', 16 * 1024)}}"}""", 413, ProblemTypes.PayloadTooLarge, "bytes; at most 16384 are accepted.") with { Match = DetailMatch.Contains },
        Order("customerId with a space", Body(Line, "bad customer"), 400, ProblemTypes.Validation, IdRule, "customerId"),
        Order("customerId with unicode", Body(Line, "cliënt"), 400, ProblemTypes.Validation, IdRule, "customerId"),
        Order("customerId of 65 characters", Body(Line, new string('c', 65)), 400, ProblemTypes.Validation, IdRule, "customerId"),
        Order("empty customerId", Body(Line, string.Empty), 400, ProblemTypes.Validation, IdRule, "customerId"),
        Order("Idempotency-Key with spaces", Body(Line), 400, ProblemTypes.Validation, IdRule, "Idempotency-Key") with { Headers = IdempotencyKey("two words") },
        Order("Idempotency-Key of 65 characters", Body(Line), 400, ProblemTypes.Validation, IdRule, "Idempotency-Key") with { Headers = IdempotencyKey(new string('k', 65)) },
    ];

    public static IReadOnlyList<BadRequestCase> DefineSale { get; } =
    [
        Sale("negative stock", """{"stock": -1, "price": 19.99}""", StockRule, "stock"),
        Sale("stock above the maximum", """{"stock": 100000001, "price": 19.99}""", StockRule, "stock"),
        Sale("price 0", """{"stock": 10, "price": 0}""", PriceRule, "price"),
        Sale("negative price", """{"stock": 10, "price": -1}""", PriceRule, "price"),
        Sale("price with 3 decimals", """{"stock": 10, "price": 19.999}""", PriceRule, "price"),
        Sale("missing price", """{"stock": 10}""", PriceRule, "price"),
        new BadRequestCase("stock as a string", HttpMethod.Put, "/admin/skus/$SKU", """{"stock": "10", "price": 19.99}""", 400, ProblemTypes.MalformedRequest, NotJson + " at $.stock: ") { Admin = true, Match = DetailMatch.Prefix },
        Sale("sale ends before it starts", """{"stock": 10, "price": 19.99, "saleStartsAt": "2030-01-02T00:00:00Z", "saleEndsAt": "2030-01-01T00:00:00Z"}""", "must be after saleStartsAt", "saleEndsAt"),
        Sale("perCustomerLimit 0", """{"stock": 10, "price": 19.99, "perCustomerLimit": 0}""", "must be between 1 and 100000000 when given", "perCustomerLimit"),
        Sale("sale without a body", null, "is required", "body"),
        Sale("SKU with a space in the path", """{"stock": 10, "price": 19.99}""", IdRule, "sku") with { Path = "/admin/skus/bad%20sku" },
        Sale("SKU of 65 characters in the path", """{"stock": 10, "price": 19.99}""", IdRule, "sku") with { Path = "/admin/skus/" + new string('s', 65) },
    ];

    public static IReadOnlyList<BadRequestCase> ReadsAndActions { get; } =
    [
        Get("order id of 65 characters", "/orders/" + new string('o', 65), "An order id must be " + Ids.Rule + "."),
        Get("order id with an encoded space", "/orders/bad%20id", "An order id must be " + Ids.Rule + "."),
        Get("SKU of 65 characters", "/skus/" + new string('s', 65), "A SKU must be " + Ids.Rule + "."),
        Get("SKU with an encoded space", "/skus/bad%20sku", "A SKU must be " + Ids.Rule + "."),
        new("tracking number of 600 characters", HttpMethod.Post, "/orders/$ORDER/ship", $$"""{"trackingNumber": "{{new string('T', 600)}}"}""", 400, ProblemTypes.Validation, "may be at most 500 characters", "trackingNumber"),
        new("unknown route", HttpMethod.Get, "/no-such-route", null, 404, ProblemTypes.NotFound, "/no-such-route") { Match = DetailMatch.Contains },
        new("wrong method", HttpMethod.Delete, "/orders/$ORDER", null, 405, ProblemTypes.MethodNotAllowed, "DELETE") { Match = DetailMatch.Contains },
    ];

    public static IEnumerable<BadRequestCase> All => [.. PlaceOrder, .. DefineSale, .. ReadsAndActions];

    public static TheoryData<string> Names(IReadOnlyList<BadRequestCase> cases) => [.. cases.Select(c => c.Name)];

    public static BadRequestCase Named(string name) => All.Single(c => c.Name == name);

    private static string Body(string lines, string customerId = Customer) => $$"""{"customerId": "{{customerId}}", "items": [{{lines}}]}""";

    private static Dictionary<string, string> IdempotencyKey(string key) => new() { ["Idempotency-Key"] = key };

    private static BadRequestCase Order(string name, string? body, int status, string type, string expected, string? field = null) =>
        new(name, HttpMethod.Post, "/orders", body, status, type, expected, field);

    private static BadRequestCase Sale(string name, string? body, string expected, string field) =>
        new(name, HttpMethod.Put, "/admin/skus/$SKU", body, 400, ProblemTypes.Validation, expected, field) { Admin = true };

    private static BadRequestCase Get(string name, string path, string detail) =>
        new(name, HttpMethod.Get, path, null, 400, ProblemTypes.Validation, detail);
}
