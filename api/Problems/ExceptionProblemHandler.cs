using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.GrainInterfaces.Skus;

namespace OrderEngine.Api.Problems;

/// <summary>
/// Turns exceptions into problem details. Everything a client can cause maps to a 4xx with a stable
/// type; timeouts and overload map to 503 with Retry-After; only genuine faults are a 500.
/// </summary>
public sealed partial class ExceptionProblemHandler(IProblemDetailsService problems, ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody reads an answer.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var (status, type, title, detail) = Classify(exception);
        if (status >= 500)
        {
            LogFault(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static (int Status, string Type, string Title, string Detail) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e => (413, ProblemTypes.PayloadTooLarge, "Request body too large", e.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } e => (415, ProblemTypes.UnsupportedMediaType, "Unsupported media type", e.Message),
        BadHttpRequestException { InnerException: JsonException json } => (400, ProblemTypes.MalformedRequest, "Malformed JSON", JsonDetail(json)),
        BadHttpRequestException e => (e.StatusCode, ProblemTypes.MalformedRequest, "Bad request", e.Message),
        JsonException json => (400, ProblemTypes.MalformedRequest, "Malformed JSON", JsonDetail(json)),
        OrderNotFoundException e => (404, ProblemTypes.OrderNotFound, "Order not found", e.Message),
        InvalidOrderTransitionException e => (409, ProblemTypes.InvalidTransition, "Transition not allowed", e.Message),
        OrderConflictException e => (409, ProblemTypes.IdempotencyKeyReused, "Idempotency key reused with a different request", e.Message),
        InvalidOrderException e => (400, ProblemTypes.Validation, "Invalid order", e.Message),
        InvalidSaleDefinitionException e => (400, ProblemTypes.InvalidSale, "Invalid sale definition", e.Message),
        GrainCallTimeoutException => (503, ProblemTypes.Busy, "Try again", "The engine did not answer in time; the request may still complete. Retry with the same Idempotency-Key."),
        SiloUnavailableException => (503, ProblemTypes.Busy, "Try again", "The silo serving this order left the cluster mid-request; it may have completed. Retry with the same Idempotency-Key."),
        RemoteGrainException e when e.RemoteType.StartsWith("Npgsql.", StringComparison.Ordinal) => (503, ProblemTypes.Busy, "Try again", "Storage is not answering right now; retry with the same Idempotency-Key."),
        GrainActivationException { InnerException: DbException } or DbException or TimeoutException => (503, ProblemTypes.Busy, "Try again", "Storage is not answering right now; retry with the same Idempotency-Key."),
        _ => (500, ProblemTypes.Unexpected, "Unexpected error", "The engine failed unexpectedly; the correlation id identifies this request in the logs."),
    };

    private static string JsonDetail(JsonException json) =>
        json.Path is { Length: > 0 } path ? $"The body is not valid JSON for this request at {path}: {json.Message}" : $"The body is not valid JSON for this request: {json.Message}";

    [LoggerMessage(EventId = 900, Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    private static partial void LogFault(ILogger logger, string method, PathString path, Exception exception);
}
