using System.Net;

namespace OrderEngine.Grains.Tests.Support;

/// <summary>An HTTP handler that records requests (with their bodies) and answers what the test says.</summary>
public sealed class RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly List<(HttpRequestMessage Request, string? Body)> _requests = [];

    public IReadOnlyList<(HttpRequestMessage Request, string? Body)> Requests => _requests;

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Add((request, body));
        return answer(request);
    }
}
