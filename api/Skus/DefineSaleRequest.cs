namespace OrderEngine.Api.Skus;

/// <summary><c>PUT /admin/skus/{sku}</c>: <c>{"stock":1000,"price":19.99,"perCustomerLimit":2,"saleStartsAt":null,"saleEndsAt":null}</c>.</summary>
public sealed record DefineSaleRequest(long? Stock, decimal? Price, long? PerCustomerLimit, DateTimeOffset? SaleStartsAt, DateTimeOffset? SaleEndsAt);
