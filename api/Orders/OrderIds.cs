using System.Security.Cryptography;
using System.Text;

namespace OrderEngine.Api.Orders;

/// <summary>
/// Order ids. With an <c>Idempotency-Key</c> the id is derived from customer and key, so every retry
/// of the same request reaches the same order grain, which places the order once (same body) or
/// refuses (different body): idempotency needs no separate table, and holds across silos.
/// </summary>
public static class OrderIds
{
    public static string New() => Guid.CreateVersion7().ToString("N");

    public static string FromIdempotencyKey(string customerId, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"order\n{customerId}\n{idempotencyKey}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
