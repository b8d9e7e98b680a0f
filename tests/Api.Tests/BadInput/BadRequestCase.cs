using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OrderEngine.Api.Correlation;
using OrderEngine.Api.Tests.Support;

namespace OrderEngine.Api.Tests.BadInput;

/// <summary>
/// One bad request and the exact problem it must get. <c>$SKU</c> and <c>$ORDER</c> in the path, body,
/// headers and expectation stand for the case's fresh SKU and an order placed on it. With a
/// <see cref="Field"/> the answer is a validation problem whose errors are exactly that field with
/// <see cref="Expected"/>; without one, the problem's detail is <see cref="Expected"/> (matched per <see cref="Match"/>).
/// </summary>
public sealed record BadRequestCase(string Name, HttpMethod Method, string Path, string? Body, int Status, string Type, string Expected, string? Field = null)
{
    public const string ValidationDetail = "The request has invalid fields; see errors.";

    public string? ContentType { get; init; } = "application/json";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Sends the admin bearer token.</summary>
    public bool Admin { get; init; }

    public DetailMatch Match { get; init; } = DetailMatch.Exact;

    public HttpRequestMessage ToRequest(string sku, string orderId)
    {
        var request = new HttpRequestMessage(Method, Fill(Path, sku, orderId));
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Fill(Body, sku, orderId)));
            if (ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, Fill(value, sku, orderId));
        }

        if (Admin)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.AdminToken);
        }

        return request;
    }

    /// <summary>Asserts the status, the problem's content type, type, status, correlation id and what it says is wrong.</summary>
    public async Task AssertProblemAsync(HttpResponseMessage response, string sku, string orderId)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(Status, (int)response.StatusCode);
        var problem = await OrderApi.ReadProblemAsync(response);
        Assert.Equal(Type, problem.GetProperty("type").GetString());
        Assert.Equal(Status, problem.GetProperty("status").GetInt32());
        Assert.Equal(response.Headers.GetValues(CorrelationIdMiddleware.HeaderName).Single(), problem.GetProperty("correlationId").GetString());
        var expected = Fill(Expected, sku, orderId);
        if (Field is not null)
        {
            Assert.Equal(ValidationDetail, problem.GetProperty("detail").GetString());
            var errors = problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>();
            Assert.Equal(new Dictionary<string, string[]> { [Fill(Field, sku, orderId)] = [expected] }, errors);
            return;
        }

        Assert.True(problem.TryGetProperty("detail", out var detailElement), $"the {Status} problem has no detail");
        var detail = detailElement.GetString();
        switch (Match)
        {
            case DetailMatch.Exact:
                Assert.Equal(expected, detail);
                break;
            case DetailMatch.Prefix:
                Assert.StartsWith(expected, detail, StringComparison.Ordinal);
                break;
            default:
                Assert.Contains(expected, detail, StringComparison.Ordinal);
                break;
        }
    }

    public override string ToString() => Name;

    private static string Fill(string text, string sku, string orderId) => text.Replace("$SKU", sku, StringComparison.Ordinal).Replace("$ORDER", orderId, StringComparison.Ordinal);
}
