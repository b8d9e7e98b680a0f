using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Testing.Time;

namespace OrderEngine.Api.Tests.Support;

/// <summary>
/// The real silo (runtime, grains, api) in process behind a test server. Memory storage unless the
/// test asks for PostgreSQL; a manual clock when the test drives time.
/// </summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-admin-token";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IWebHostBuilder>? _configure;

    public ApiHost(IReadOnlyDictionary<string, string?>? settings = null, ManualTimeProvider? clock = null, Action<IWebHostBuilder>? configure = null)
    {
        Clock = clock;
        _configure = configure;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "Memory",
            ["Admin:Token"] = AdminToken,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public ManualTimeProvider? Clock { get; }

    /// <summary>A client that sends the admin bearer token.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    /// <summary>Defines a flash sale through the admin API and returns the SKU id.</summary>
    public async Task<string> DefineSaleAsync(int stock, decimal price = 19.99m, int? perCustomerLimit = null, string? sku = null)
    {
        sku ??= "sku-" + Guid.NewGuid().ToString("N")[..12];
        using var admin = CreateAdminClient();
        using var response = await admin.PutAsJsonAsync($"/admin/skus/{sku}", new { stock, price, perCustomerLimit });
        response.EnsureSuccessStatusCode();
        return sku;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // UseSetting reaches the configuration the silo reads while composing its services (storage
        // provider, payment gateway); app configuration added here would arrive only after that.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
        _configure?.Invoke(builder);
    }
}
