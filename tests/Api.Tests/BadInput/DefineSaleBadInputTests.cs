namespace OrderEngine.Api.Tests.BadInput;

/// <summary>PUT /admin/skus/{sku} with bad input: a 400 validation problem naming the field, and the sale is untouched.</summary>
public sealed class DefineSaleBadInputTests(BadInputFixture fixture) : IClassFixture<BadInputFixture>
{
    public static TheoryData<string> Cases => BadRequestCases.Names(BadRequestCases.DefineSale);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_sale_definition_is_refused_with_a_problem_and_changes_nothing(string name)
    {
        var badCase = BadRequestCases.Named(name);
        var scene = await fixture.ArrangeAsync();

        using var request = badCase.ToRequest(scene.Sku, scene.OrderId);
        using var response = await fixture.Client.SendAsync(request);

        await badCase.AssertProblemAsync(response, scene.Sku, scene.OrderId);
        await scene.AssertUnchangedAsync();
    }
}
