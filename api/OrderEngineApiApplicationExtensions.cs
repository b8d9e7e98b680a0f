using Microsoft.AspNetCore.Builder;
using OrderEngine.Api.Admin;
using OrderEngine.Api.Correlation;
using OrderEngine.Api.Health;
using OrderEngine.Api.Metrics;
using OrderEngine.Api.Orders;
using OrderEngine.Api.Skus;

namespace OrderEngine.Api;

/// <summary>The request pipeline and every endpoint of the API.</summary>
public static class OrderEngineApiApplicationExtensions
{
    public static WebApplication UseOrderEngineApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(AdminTokenMiddleware.PathPrefix), admin => admin.UseMiddleware<AdminTokenMiddleware>());
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapPrometheusMetrics();
        app.MapOrderEndpoints();
        app.MapSkuEndpoints(app.MapAdminGroup());
        return app;
    }
}
