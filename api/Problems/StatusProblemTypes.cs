using Microsoft.AspNetCore.Http;

namespace OrderEngine.Api.Problems;

/// <summary>Gives problem answers produced by the framework (unknown route, wrong method, ...) our stable types.</summary>
public static class StatusProblemTypes
{
    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        problem.Extensions["correlationId"] = context.HttpContext.TraceIdentifier;
        if (problem.Type is not null && problem.Type.StartsWith("urn:orderengine:", StringComparison.Ordinal))
        {
            return;
        }

        var request = context.HttpContext.Request;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status404NotFound => $"No endpoint serves {request.Method} {request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}; allowed: {context.HttpContext.Response.Headers.Allow}.",
            StatusCodes.Status415UnsupportedMediaType => $"The body must be JSON (application/json); got '{request.ContentType}'.",
            StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
            _ => null,
        };
        problem.Type = problem.Status switch
        {
            StatusCodes.Status404NotFound => ProblemTypes.NotFound,
            StatusCodes.Status405MethodNotAllowed => ProblemTypes.MethodNotAllowed,
            StatusCodes.Status413PayloadTooLarge => ProblemTypes.PayloadTooLarge,
            StatusCodes.Status415UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
            StatusCodes.Status400BadRequest => ProblemTypes.MalformedRequest,
            _ => ProblemTypes.Unexpected,
        };
    }
}
