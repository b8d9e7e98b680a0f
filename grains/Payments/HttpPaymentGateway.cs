using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OrderEngine.Grains.Payments;

/// <summary>
/// A real payment service over HTTP. Each call takes a client from <see cref="IHttpClientFactory"/> (the
/// named client <see cref="ClientName"/>, configured with the base URL), so this singleton never holds a
/// handler past its lifetime. Every charge carries <c>Idempotency-Key: {order id}</c>. 2xx answers carry
/// the outcome in the body; 402 and 422 are declines; 408, 429 and 5xx are transient failures.
/// </summary>
public sealed class HttpPaymentGateway(IHttpClientFactory clients, IOptions<PaymentsOptions> options) : IPaymentGateway
{
    public const string ClientName = "payments";
    public const string IdempotencyHeader = "Idempotency-Key";

    private readonly HttpGatewayOptions _options = options.Value.Http;

    public string Name => "http";

    public async Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.ChargePath, UriKind.Relative))
        {
            Content = JsonContent.Create(new ChargeRequestBody(request.OrderId, request.CustomerId, request.Amount, request.Currency), PaymentJsonContext.Default.ChargeRequestBody),
        };
        message.Headers.Add(IdempotencyHeader, request.IdempotencyKey);
        using var response = await SendAsync(message, request.OrderId, cancellationToken);
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500)
        {
            throw new PaymentGatewayException($"Payment service answered {status} charging order {request.OrderId}.", isTransient: true);
        }

        var body = await ReadBodyAsync(response, cancellationToken);
        if (response.StatusCode is HttpStatusCode.PaymentRequired or HttpStatusCode.UnprocessableEntity)
        {
            return PaymentResult.Decline(body?.Reason ?? $"declined ({status})");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new PaymentGatewayException($"Payment service refused the charge of order {request.OrderId} with {status}.", isTransient: false);
        }

        return body?.Status?.ToUpperInvariant() switch
        {
            "APPROVED" when body.TransactionId is { Length: > 0 } id => PaymentResult.Approve(id),
            "DECLINED" => PaymentResult.Decline(body.Reason ?? "declined"),
            _ => throw new PaymentGatewayException($"Payment service answered {status} without a usable outcome for order {request.OrderId}.", isTransient: true),
        };
    }

    public async Task<GatewayHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(new Uri(_options.HealthPath, UriKind.Relative), cancellationToken);
            return new GatewayHealth(response.IsSuccessStatusCode, $"health check answered {(int)response.StatusCode}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new GatewayHealth(false, $"unreachable: {exception.Message}");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, string orderId, CancellationToken cancellationToken)
    {
        try
        {
            return await clients.CreateClient(ClientName).SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new PaymentGatewayException($"Payment service unreachable charging order {orderId}: {exception.Message}", isTransient: true, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PaymentGatewayException($"Payment service did not answer within the client timeout charging order {orderId}.", isTransient: true, exception);
        }
    }

    private static async Task<ChargeResponseBody?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0)
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(PaymentJsonContext.Default.ChargeResponseBody, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
