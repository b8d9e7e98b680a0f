namespace OrderEngine.Api.Problems;

/// <summary>
/// The stable <c>type</c> of every problem-details answer (RFC 9457). Clients branch on these, never on
/// the human-readable title or detail. Documented in docs/api.md.
/// </summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:orderengine:problem:";

    public const string Validation = Prefix + "validation";
    public const string MalformedRequest = Prefix + "malformed-request";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string UnknownSku = Prefix + "unknown-sku";
    public const string SoldOut = Prefix + "sold-out";
    public const string InsufficientStock = Prefix + "insufficient-stock";
    public const string LimitExceeded = Prefix + "limit-exceeded";
    public const string SaleNotStarted = Prefix + "sale-not-started";
    public const string SaleEnded = Prefix + "sale-ended";
    public const string OrderNotFound = Prefix + "order-not-found";
    public const string SkuNotFound = Prefix + "sku-not-found";
    public const string InvalidTransition = Prefix + "invalid-transition";
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";
    public const string InvalidSale = Prefix + "invalid-sale";
    public const string Maintenance = Prefix + "maintenance";
    public const string RateLimited = Prefix + "rate-limited";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string Forbidden = Prefix + "forbidden";
    public const string NotFound = Prefix + "not-found";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string Busy = Prefix + "busy";
    public const string Unexpected = Prefix + "unexpected";
}
