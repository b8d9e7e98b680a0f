namespace OrderEngine.Runtime.CodeGen.Tests.Samples;

/// <summary>Every return shape, several parameters of different kinds, and both method flags.</summary>
public interface ISampleGrain : IGrainWithStringKey
{
    Task Reset();

    Task<int> Add(int left, int right);

    ValueTask Touch();

    ValueTask<string?> Describe(string name, string? note, Money amount, int? quantity, IReadOnlyList<string> tags);

    [OneWay]
    Task Notify(string message);

    [AlwaysInterleave]
    Task<int> Peek();
}
