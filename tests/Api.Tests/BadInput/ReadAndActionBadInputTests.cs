namespace OrderEngine.Api.Tests.BadInput;

/// <summary>Bad ids in reads, a too-long tracking number, an unknown route and a wrong method: problems, and nothing changes.</summary>
public sealed class ReadAndActionBadInputTests(BadInputFixture fixture) : IClassFixture<BadInputFixture>
{
    public static TheoryData<string> Cases => BadRequestCases.Names(BadRequestCases.ReadsAndActions);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_read_or_action_is_refused_with_a_problem_and_changes_nothing(string name)
    {
        var badCase = BadRequestCases.Named(name);
        var scene = await fixture.ArrangeAsync();

        using var request = badCase.ToRequest(scene.Sku, scene.OrderId);
        using var response = await fixture.Client.SendAsync(request);

        await badCase.AssertProblemAsync(response, scene.Sku, scene.OrderId);
        await scene.AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_wrong_method_names_the_allowed_ones()
    {
        var scene = await fixture.ArrangeAsync();

        using var response = await fixture.Client.DeleteAsync($"/orders/{scene.OrderId}");

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Equal(["GET"], response.Content.Headers.Allow);
    }
}
