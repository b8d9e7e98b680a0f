using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Streams;

namespace OrderEngine.Runtime.Tests.Support;

internal static class ServiceProviderExtensions
{
    public static IStreamProvider GetRequiredKeyedServiceProvider(this IServiceProvider services, string name) =>
        services.GetRequiredKeyedService<IStreamProvider>(name);
}
