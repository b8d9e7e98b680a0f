using OrderEngine.Api.Tests.Support;

namespace OrderEngine.Api.Tests.BadInput;

/// <summary>
/// One silo for a class of bad-input cases (each case still gets its own SKU and order). Payment does not
/// start by itself, so the orders a case arranges keep their state and the recent-orders listing stays still.
/// </summary>
public sealed class BadInputFixture : IAsyncLifetime
{
    private readonly HashSet<string> _knownOrders = new(StringComparer.Ordinal);

    public ApiHost Host { get; } = new(new Dictionary<string, string?>
    {
        ["Orders:StartPaymentAutomatically"] = "false",
        ["RateLimit:PermitLimit"] = "100000",
    });

    public HttpClient Client { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = Host.CreateClient();
        Admin = Host.CreateAdminClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Admin.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>A fresh SKU (stock 10) with one reserved order on it, and everything a bad request must leave alone.</summary>
    public Task<BadInputScene> ArrangeAsync() => BadInputScene.ArrangeAsync(Host, Client, Admin, _knownOrders);
}
