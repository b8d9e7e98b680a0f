using System.Globalization;
using Microsoft.CodeAnalysis;

namespace OrderEngine.Runtime.CodeGen.Tests.Driver;

/// <summary>Every unsupported shape is an error naming the member, and the bad type gets no generated code.</summary>
public sealed class DiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using OrderEngine.Runtime;
        using OrderEngine.Runtime.Persistence;

        namespace Sample;

        """;

    [Theory]
    [InlineData(
        "public interface IBad : IGrainWithStringKey { int Sync(); }",
        "OEG001", "Sync",
        "Grain method 'Sample.IBad.Sync()' returns 'int': grain methods must return Task, Task<T>, ValueTask or ValueTask<T>")]
    [InlineData(
        "public interface IBad : IGrainWithStringKey { void Fire(); }",
        "OEG001", "Fire",
        "Grain method 'Sample.IBad.Fire()' returns 'void': grain methods must return Task, Task<T>, ValueTask or ValueTask<T>")]
    [InlineData(
        "public interface IBad : IGrainWithStringKey { Task Generic<T>(T value); }",
        "OEG002", "Generic",
        "Grain method 'Sample.IBad.Generic<T>(T)' is generic: grain methods cannot have type parameters")]
    [InlineData(
        "public interface IBad : IGrainWithStringKey { Task Take(ref int count); }",
        "OEG003", "count",
        "Parameter 'count' of 'Sample.IBad.Take(ref int)' is 'ref': grain call arguments are plain values, never ref, out, in or params")]
    [InlineData(
        "public interface IBad : IGrainWithStringKey { Task Take(out int count); }",
        "OEG003", "count",
        "Parameter 'count' of 'Sample.IBad.Take(out int)' is 'out': grain call arguments are plain values, never ref, out, in or params")]
    [InlineData(
        "public interface IBad : IGrainWithStringKey { Task Take(in int count); }",
        "OEG003", "count",
        "Parameter 'count' of 'Sample.IBad.Take(in int)' is 'in': grain call arguments are plain values, never ref, out, in or params")]
    [InlineData(
        "public interface IBad : IGrainWithStringKey { Task Take(params int[] counts); }",
        "OEG003", "counts",
        "Parameter 'counts' of 'Sample.IBad.Take(params int[])' is 'params': grain call arguments are plain values, never ref, out, in or params")]
    [InlineData(
        "public interface IBad : IGrainWithStringKey { Task Take(Span<int> counts); }",
        "OEG003", "counts",
        "Parameter 'counts' of 'Sample.IBad.Take(System.Span<int>)' is a ref struct: grain call arguments are plain values, never ref, out, in or params")]
    [InlineData(
        "public interface IBad<T> : IGrainWithStringKey { Task<T> Get(); }",
        "OEG004", "IBad",
        "Grain interface 'Sample.IBad<T>' is generic: generic grain interfaces are not supported")]
    [InlineData(
        "public sealed class BadGrain : Grain { public BadGrain() { } public BadGrain(int size) { } }",
        "OEG005", "BadGrain",
        "Grain class 'Sample.BadGrain' has 2 public constructors: it needs exactly one, whose parameters the runtime fills")]
    [InlineData(
        "public sealed class BadGrain : Grain { private BadGrain() { } }",
        "OEG005", "BadGrain",
        "Grain class 'Sample.BadGrain' has 0 public constructors: it needs exactly one, whose parameters the runtime fills")]
    [InlineData(
        "public sealed class State; public sealed class BadGrain(IPersistentState<State> state) : Grain;",
        "OEG006", "state",
        "Parameter 'state' of 'Sample.BadGrain.BadGrain(OrderEngine.Runtime.Persistence.IPersistentState<Sample.State>)' is an IPersistentState<T> without [PersistentState(stateName, storageName)]")]
    [InlineData(
        "public static class Holder { private sealed class BadGrain : Grain; }",
        "OEG007", "BadGrain",
        "Grain class 'Sample.Holder.BadGrain' is not accessible to generated code: make it and its containing types public or internal")]
    [InlineData(
        "public interface IBad : IGrainWithStringKey { string Name { get; } }",
        "OEG008", "Name",
        "'Sample.IBad.Name' is a property of grain interface 'Sample.IBad': grain interfaces may declare only methods")]
    [InlineData(
        "public interface IBad : IGrainWithStringKey { event Action Changed; }",
        "OEG008", "Changed",
        "'Sample.IBad.Changed' is an event of grain interface 'Sample.IBad': grain interfaces may declare only methods")]
    [InlineData(
        "public class Holder { protected interface IBad : IGrainWithStringKey { Task Run(); } }",
        "OEG009", "IBad",
        "Grain interface 'Sample.Holder.IBad' is not accessible to generated code: make it and its containing types public or internal")]
    [InlineData(
        "public sealed class BadGrain<T> : Grain;",
        "OEG010", "BadGrain",
        "Grain class 'Sample.BadGrain<T>' is generic: generic grain classes are not supported")]
    [InlineData(
        "public sealed class BadGrain([PersistentState(\"s\", \"m\")] string name) : Grain;",
        "OEG011", "name",
        "Parameter 'name' of 'Sample.BadGrain.BadGrain(string)' has [PersistentState] but its type is 'string', not IPersistentState<T>")]
    [InlineData(
        "public interface IBad : IGrainWithStringKey { [OneWay] Task<int> Fire(); }",
        "OEG012", "Fire",
        "Grain method 'Sample.IBad.Fire()' is [OneWay] but returns 'System.Threading.Tasks.Task<int>': one-way methods return Task or ValueTask")]
    [InlineData(
        "public sealed class BadGrain(ref int size) : Grain;",
        "OEG003", "size",
        "Parameter 'size' of 'Sample.BadGrain.BadGrain(ref int)' is 'ref': grain call arguments are plain values, never ref, out, in or params")]
    public void Unsupported_shape_is_reported_at_the_member_and_nothing_is_generated(string source, string id, string locatedText, string message)
    {
        var run = GeneratorHarness.Run(Usings + source);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(locatedText, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Every_bad_member_of_an_interface_is_reported()
    {
        var run = GeneratorHarness.Run(Usings + """
            public interface IBad : IGrainWithStringKey
            {
                string Name { get; }
                event Action Changed;
                int Sync();
                Task Take(ref int count, out int total);
            }
            """);

        Assert.Equal(["OEG008", "OEG008", "OEG001", "OEG003", "OEG003"], run.DiagnosticIds);
    }

    [Fact]
    public void A_bad_inherited_member_is_reported_once_at_its_declaration_and_blocks_the_derived_interface()
    {
        var run = GeneratorHarness.Run(Usings + """
            public interface IBase : IGrain { int Sync(); }
            public interface IDerived : IBase { Task Ok(); }
            public interface IOther : IBase { Task Fine(); }
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("OEG001", diagnostic.Id);
        Assert.Equal("Sync", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_bad_member_of_a_plain_base_interface_is_reported_once_for_all_grain_interfaces_using_it()
    {
        var run = GeneratorHarness.Run(Usings + """
            public interface IHasName { string Name(); }
            public interface IFirst : IHasName, IGrainWithStringKey;
            public interface ISecond : IHasName, IGrainWithStringKey;
            """);

        Assert.Equal(["OEG001"], run.DiagnosticIds);
        Assert.Equal(
            "Grain method 'Sample.IHasName.Name()' returns 'string': grain methods must return Task, Task<T>, ValueTask or ValueTask<T>",
            run.Diagnostics[0].GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_bad_grain_type_does_not_stop_generation_for_the_good_ones()
    {
        var run = GeneratorHarness.Run(Usings + """
            public interface IBad : IGrainWithStringKey { int Sync(); }
            public interface IGood : IGrainWithStringKey { Task Run(); }
            public sealed class BadGrain : Grain { public BadGrain() { } public BadGrain(int size) { } }
            public sealed class GoodGrain : Grain, IGood { public Task Run() => Task.CompletedTask; }
            """);

        Assert.Equal(["OEG001", "OEG005"], run.DiagnosticIds);
        var provider = run.Source("GrainMetadataProvider_DriverSample.g.cs");
        Assert.Contains("typeof(global::Sample.IGood)", provider, StringComparison.Ordinal);
        Assert.Contains("typeof(global::Sample.GoodGrain)", provider, StringComparison.Ordinal);
        Assert.DoesNotContain("IBad", provider, StringComparison.Ordinal);
        Assert.DoesNotContain("BadGrain", provider, StringComparison.Ordinal);
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void A_compilation_without_grains_gets_nothing()
    {
        var run = GeneratorHarness.Run(Usings + """
            public interface IPlain : IDisposable { Task Run(); }
            public sealed class Plain : IPlain { public void Dispose() { } public Task Run() => Task.CompletedTask; }
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Sources);
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void A_compilation_without_the_abstractions_gets_nothing()
    {
        var compilation = GeneratorHarness.Compile(["public interface IGrain; public interface IFoo : IGrain { }"], withAbstractions: false);

        var run = GeneratorHarness.Run(compilation);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Sources);
    }
}
