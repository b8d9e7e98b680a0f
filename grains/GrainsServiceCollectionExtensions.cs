using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrderEngine.Grains.Admin;
using OrderEngine.Grains.Orders;
using OrderEngine.Grains.Payments;
using OrderEngine.Grains.Skus;
using OrderEngine.Runtime.Hosting;

namespace OrderEngine.Grains;

/// <summary>Registers the order domain in a silo.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// The order-domain grains, their options (sections "Orders", "Payments", "Scaling"), the payment
    /// gateway chosen by Payments:Gateway (Simulator or Http) and its resilience pipeline. Registers no
    /// storage, reminder or stream provider: the host registers grain storage under
    /// <see cref="OrderStorage.Name"/>, a reminder table and the stream provider "default".
    /// </summary>
    public static IServiceCollection AddOrderGrains(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddGrainAssembly(typeof(OrderGrain).Assembly);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<OrdersOptions>()
            .Bind(configuration.GetSection(OrdersOptions.SectionName))
            .Validate(o => o.UnpaidTimeout > TimeSpan.Zero && o.ProcessingTimeout > TimeSpan.Zero, "Orders: UnpaidTimeout and ProcessingTimeout must be positive.")
            .Validate(o => o.MaxProcessingRetries >= 0 && o.RecentOrdersPerShard > 0 && o.MaxLinesPerOrder > 0, "Orders: MaxProcessingRetries must be >= 0, RecentOrdersPerShard and MaxLinesPerOrder > 0.")
            .ValidateOnStart();
        services.AddOptions<PaymentsOptions>()
            .Bind(configuration.GetSection(PaymentsOptions.SectionName))
            .Validate(ValidPayments, "Payments: Timeout must be 10 ms to 24 h, MaxRetries >= 0, CircuitBreaker thresholds >= 1 with 0 < BaseBreakDuration <= MaxBreakDuration, Simulator rates in [0, 1] summing to at most 1, Http:BaseUrl set when Gateway is Http.")
            .ValidateOnStart();
        services.AddOptions<ScalingOptions>()
            .Bind(configuration.GetSection(ScalingOptions.SectionName))
            .Validate(o => o.TargetCpuPercent > 0 && o.CriticalCpuPercent >= o.WarningCpuPercent && o.MinSilos >= 1 && o.MaxSilos >= o.MinSilos, "Scaling: TargetCpuPercent > 0, CriticalCpuPercent >= WarningCpuPercent, 1 <= MinSilos <= MaxSilos.")
            .ValidateOnStart();

        services.TryAddSingleton<ConsecutiveFailureCircuitBreaker>();
        services.TryAddSingleton<PaymentProcessor>();
        services.TryAddSingleton<OrderMetrics>();
        services.TryAddSingleton<InventoryLevels>();
        var gateway = configuration.GetSection(PaymentsOptions.SectionName).GetValue(nameof(PaymentsOptions.Gateway), PaymentGatewayKind.Simulator);
        if (gateway == PaymentGatewayKind.Http)
        {
            services.AddHttpClient(HttpPaymentGateway.ClientName, (provider, client) =>
            {
                var http = provider.GetRequiredService<IOptions<PaymentsOptions>>().Value.Http;
                client.BaseAddress = http.BaseUrl;
                client.Timeout = http.ClientTimeout;
            });
            services.TryAddSingleton<IPaymentGateway, HttpPaymentGateway>();
        }
        else
        {
            services.TryAddSingleton<IPaymentGateway, SimulatedPaymentGateway>();
        }

        return services;
    }

    private static bool ValidPayments(PaymentsOptions o)
    {
        var breaker = o.CircuitBreaker;
        var simulator = o.Simulator;
        double[] rates = [simulator.TimeoutRate, simulator.FailureRate, simulator.DeclineRate];
        return o.Timeout >= TimeSpan.FromMilliseconds(10) && o.Timeout <= TimeSpan.FromDays(1)
            && o.MaxRetries >= 0 && o.RetryDelay >= TimeSpan.Zero
            && breaker.FailureThreshold >= 1 && breaker.SuccessThreshold >= 1
            && breaker.BaseBreakDuration > TimeSpan.Zero && breaker.MaxBreakDuration >= breaker.BaseBreakDuration
            && rates.All(r => r is >= 0 and <= 1) && rates.Sum() <= 1 && simulator.Latency >= TimeSpan.Zero
            && (o.Gateway != PaymentGatewayKind.Http || o.Http.BaseUrl is { IsAbsoluteUri: true });
    }
}
