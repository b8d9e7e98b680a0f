namespace OrderEngine.Api.Tests.BadInput;

/// <summary>POST /orders with bad input: a 4xx problem that says what is wrong, and nothing changes.</summary>
public sealed class PlaceOrderBadInputTests(BadInputFixture fixture) : IClassFixture<BadInputFixture>
{
    public static TheoryData<string> Cases => BadRequestCases.Names(BadRequestCases.PlaceOrder);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_order_request_is_refused_with_a_problem_and_changes_nothing(string name)
    {
        var badCase = BadRequestCases.Named(name);
        var scene = await fixture.ArrangeAsync();

        using var request = badCase.ToRequest(scene.Sku, scene.OrderId);
        using var response = await fixture.Client.SendAsync(request);

        await badCase.AssertProblemAsync(response, scene.Sku, scene.OrderId);
        await scene.AssertUnchangedAsync();
    }
}
