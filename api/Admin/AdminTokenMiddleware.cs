using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OrderEngine.Api.Problems;

namespace OrderEngine.Api.Admin;

/// <summary>
/// Guards everything under <c>/admin</c> with <c>Authorization: Bearer &lt;Admin:Token&gt;</c>: 401 without a
/// token, 403 with a wrong one (or when none is configured). It runs before routing binds anything, so
/// an unauthenticated caller learns nothing about the request it sent.
/// </summary>
public sealed class AdminTokenMiddleware(RequestDelegate next, IOptionsMonitor<AdminOptions> options)
{
    public const string PathPrefix = "/admin";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= "Bearer ".Length)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Problem.Of(401, ProblemTypes.Unauthorized, "Authentication required", "Admin endpoints need an 'Authorization: Bearer <token>' header.").ExecuteAsync(context);
        }

        var expected = options.CurrentValue.Token;
        var presented = header["Bearer ".Length..].Trim();
        if (string.IsNullOrEmpty(expected) || !FixedTimeEquals(presented, expected))
        {
            var detail = string.IsNullOrEmpty(expected)
                ? "No admin token is configured (Admin:Token), so admin endpoints are closed."
                : "The bearer token is not the admin token.";
            return Problem.Of(403, ProblemTypes.Forbidden, "Forbidden", detail).ExecuteAsync(context);
        }

        return next(context);
    }

    private static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
