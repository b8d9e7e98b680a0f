using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Grains.Payments;
using OrderEngine.Grains.Tests.Support;

namespace OrderEngine.Grains.Tests.Payments;

public sealed class HttpPaymentGatewayTests
{
    private static readonly PaymentRequest Charge = new("order-42", "customer-7", 19.90m, "EUR");

    [Fact]
    public async Task A_charge_posts_the_order_with_its_id_as_idempotency_key_and_reads_the_approval()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, """{"status":"approved","transactionId":"tx-1"}"""));
        var gateway = Build(handler);

        var result = await gateway.ChargeAsync(Charge, CancellationToken.None);

        Assert.Equal(PaymentResult.Approve("tx-1"), result);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, "http://payments.test/api/payments"), (request.Method, request.RequestUri!.ToString()));
        Assert.Equal(["order-42"], request.Headers.GetValues(HttpPaymentGateway.IdempotencyHeader));
        Assert.Equal("""{"orderId":"order-42","customerId":"customer-7","amount":19.90,"currency":"EUR"}""", body);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"status":"declined","reason":"card expired"}""", "card expired")]
    [InlineData(HttpStatusCode.PaymentRequired, """{"reason":"insufficient funds"}""", "insufficient funds")]
    [InlineData(HttpStatusCode.UnprocessableEntity, "", "declined (422)")]
    public async Task Declines_are_answers_not_errors(HttpStatusCode status, string json, string reason)
    {
        var gateway = Build(new RecordingHandler(_ => RecordingHandler.Json(status, json)));

        Assert.Equal(PaymentResult.Decline(reason), await gateway.ChargeAsync(Charge, CancellationToken.None));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    public async Task Errors_are_transient_or_not_by_status(HttpStatusCode status, bool transient)
    {
        var gateway = Build(new RecordingHandler(_ => RecordingHandler.Json(status, "{}")));

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.ChargeAsync(Charge, CancellationToken.None));

        Assert.Equal(transient, error.IsTransient);
    }

    [Fact]
    public async Task An_unreachable_service_is_a_transient_failure_and_an_unhealthy_health_check()
    {
        var gateway = Build(new RecordingHandler(_ => throw new HttpRequestException("connection refused")));

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.ChargeAsync(Charge, CancellationToken.None));
        var health = await gateway.CheckHealthAsync(CancellationToken.None);

        Assert.True(error.IsTransient);
        Assert.Equal(new GatewayHealth(false, "unreachable: connection refused"), health);
    }

    [Fact]
    public async Task The_health_check_reports_reachability()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var gateway = Build(handler);

        Assert.Equal(new GatewayHealth(true, "health check answered 200"), await gateway.CheckHealthAsync(CancellationToken.None));
        Assert.Equal("http://payments.test/api/health", handler.Requests[0].Request.RequestUri!.ToString());
    }

    [Fact]
    public void Configuration_chooses_the_http_gateway()
    {
        var configuration = Configuration(new() { ["Payments:Gateway"] = "Http", ["Payments:Http:BaseUrl"] = "http://payments.test/api/" });
        using var provider = new ServiceCollection().AddLogging().AddOrderGrains(configuration).BuildServiceProvider();

        Assert.IsType<HttpPaymentGateway>(provider.GetRequiredService<IPaymentGateway>());
        Assert.Equal(new Uri("http://payments.test/api/"), provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpPaymentGateway.ClientName).BaseAddress);
    }

    private static HttpPaymentGateway Build(RecordingHandler handler)
    {
        var configuration = Configuration(new() { ["Payments:Gateway"] = "Http", ["Payments:Http:BaseUrl"] = "http://payments.test/api/" });
        var services = new ServiceCollection().AddLogging().AddOrderGrains(configuration);
        services.AddHttpClient(HttpPaymentGateway.ClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        return (HttpPaymentGateway)services.BuildServiceProvider().GetRequiredService<IPaymentGateway>();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
