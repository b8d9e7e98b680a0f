using System.Runtime.Loader;
using OrderEngine.Runtime.CodeGen.Tests.Fakes;
using OrderEngine.Runtime.Invocation;

namespace OrderEngine.Runtime.CodeGen.Tests.Driver;

/// <summary>Awkward but legal grain shapes compile without a warning, load, and register as expected.</summary>
public sealed class GeneratedSourceTests
{
    private const string Grains = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using OrderEngine.Runtime;
        using OrderEngine.Runtime.Persistence;
        using OrderEngine.Runtime.Reminders;

        namespace Shop.Grains
        {
            public sealed record Line(string Sku, int Quantity);

            public interface IHas<T> { Task<T> Get(); }

            public interface IPingA : IGrain { Task Ping(); }

            public interface IPingB : IGrain { Task Ping(); }

            public partial interface ICartGrain : IGrainWithStringKey, IHas<int>, IPingA, IPingB, IRemindable
            {
                Task<IReadOnlyList<Line>> Lines();
                ValueTask<(int Count, string? Last)> Summary(Dictionary<string, List<string?>> map, int[] numbers, (int A, string B) pair);
                Task<int> @event(string @class, int @in, string Method, string Descriptor, object index, string? value, string grain, string request);
                Task Overload(int x);
                Task Overload(string x);
                [Obsolete("use Lines")] Task<Line[]> OldLines();
                Task Defaulted() => Task.CompletedTask;
            }

            public static class Outer
            {
                public interface INested : IGrainWithGuidKey { Task<decimal?> Price(decimal? discount, dynamic extra); }
            }

            internal interface IInternalGrain : IGrainWithIntegerKey { Task<Guid> Id(); }

        #nullable disable
            public interface IOblivious : IGrainWithStringKey { Task<string> Echo(string text, List<string> items); }
        #nullable restore

            public sealed class CartState { public List<Line> Lines { get; set; } = new(); }

            public sealed class CartGrain : Grain
            {
                public CartGrain([PersistentState("cart", "store")] IPersistentState<CartState> state, IEqualityComparer<string?> comparer, string? optional)
                {
                }
            }

            internal sealed class EmptyGrain : Grain;

            public static class Holder
            {
                internal sealed class InnerGrain : Grain
                {
                    public InnerGrain() { }
                    private InnerGrain(int size) { }
                }
            }

            public abstract class BaseGrain : Grain;

            public sealed class DerivedGrain : BaseGrain;
        }
        """;

    private const string SecondPart = """
        using System.Threading.Tasks;
        using OrderEngine.Runtime;

        namespace Shop.Grains
        {
            public partial interface ICartGrain
            {
                [OneWay] ValueTask Forget(string? reason, object? tag);
                [AlwaysInterleave, OneWay] Task Poke();
            }
        }
        """;

    [Fact]
    public void Awkward_grains_generate_code_that_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run(Grains, SecondPart);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilerProblems);
        Assert.Equal(
            [
                "GrainMetadataProvider_DriverSample.g.cs",
                "OrderEngine_Runtime_Reminders_IRemindable.Requests.g.cs",
                "Shop_Grains_ICartGrain.Requests.g.cs",
                "Shop_Grains_ICartGrainProxy.g.cs",
                "Shop_Grains_IHas_int.Requests.g.cs",
                "Shop_Grains_IInternalGrain.Requests.g.cs",
                "Shop_Grains_IInternalGrainProxy.g.cs",
                "Shop_Grains_IOblivious.Requests.g.cs",
                "Shop_Grains_IObliviousProxy.g.cs",
                "Shop_Grains_IPingA.Requests.g.cs",
                "Shop_Grains_IPingAProxy.g.cs",
                "Shop_Grains_IPingB.Requests.g.cs",
                "Shop_Grains_IPingBProxy.g.cs",
                "Shop_Grains_Outer_INested.Requests.g.cs",
                "Shop_Grains_Outer_INestedProxy.g.cs",
            ],
            run.Sources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generated_assembly_loads_and_registers_every_grain()
    {
        var builder = LoadAndPopulate(GeneratorHarness.Run(Grains, SecondPart));

        Assert.Equal(
            ["Shop.Grains.ICartGrain", "Shop.Grains.IInternalGrain", "Shop.Grains.IOblivious", "Shop.Grains.IPingA", "Shop.Grains.IPingB", "Shop.Grains.Outer+INested"],
            builder.Interfaces.Keys.Select(t => t.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Shop.Grains.CartGrain", "Shop.Grains.DerivedGrain", "Shop.Grains.EmptyGrain", "Shop.Grains.Holder+InnerGrain"],
            builder.GrainClasses.Keys.Select(t => t.FullName).Order(StringComparer.Ordinal));

        var cart = builder.Interfaces.Single(i => i.Key.Name == "ICartGrain").Value.Methods;
        Assert.Equal(
            [
                "ICartGrain.Lines", "ICartGrain.Summary", "ICartGrain.event", "ICartGrain.Overload", "ICartGrain.Overload",
                "ICartGrain.OldLines", "ICartGrain.Defaulted", "ICartGrain.Forget", "ICartGrain.Poke",
                "IHas`1.Get", "IPingA.Ping", "IPingB.Ping", "IRemindable.ReceiveReminder",
            ],
            cart.Select(m => m.ToString()));
        Assert.Equal(cart.Count, cart.Select(m => m.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(GrainMethodFlags.OneWay, cart[7].Flags);
        Assert.Equal(GrainMethodFlags.OneWay | GrainMethodFlags.AlwaysInterleave, cart[8].Flags);
        Assert.Equal([typeof(string), typeof(int), typeof(string), typeof(string), typeof(object), typeof(string), typeof(string), typeof(string)], cart[2].ParameterTypes);
        Assert.Same(typeof(ValueTuple<int, string>), cart[1].ResultType);
        Assert.Same(typeof(int), cart[9].ResultType);

        var pingA = Assert.Single(builder.Interfaces.Single(i => i.Key.Name == "IPingA").Value.Methods);
        Assert.Same(pingA, cart[10]);
    }

    [Fact]
    public void Methods_with_the_same_signature_on_two_interfaces_go_to_their_own_descriptors()
    {
        var builder = LoadAndPopulate(GeneratorHarness.Run(Grains, SecondPart));
        var (cartType, cart) = builder.Interfaces.Single(i => i.Key.Name == "ICartGrain");
        var invoker = new RecordingCallInvoker();
        var proxy = cart.CreateProxy(new GrainId("cart", "c-1"), invoker);
        var pingA = cartType.GetInterfaces().Single(t => t.Name == "IPingA");
        var pingB = cartType.GetInterfaces().Single(t => t.Name == "IPingB");

        pingB.GetMethod("Ping")!.Invoke(proxy, null);
        pingA.GetMethod("Ping")!.Invoke(proxy, null);

        Assert.Equal([pingB, pingA], invoker.Calls.Select(c => c.Request.Method.InterfaceType));
        Assert.Same(cart.Methods[11], invoker.Calls[0].Request.Method);
        Assert.Same(cart.Methods[10], invoker.Calls[1].Request.Method);
    }

    [Fact]
    public void Generated_request_and_proxy_have_the_documented_shape()
    {
        var run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using OrderEngine.Runtime;

            namespace Hello;

            public interface IHelloGrain : IGrainWithStringKey
            {
                ValueTask<string> SayHello(string greeting, string? from);
            }
            """);

        Assert.Empty(run.CompilerProblems);
        Assert.Equal(
            """
            // <auto-generated/>
            #nullable enable
            #pragma warning disable CS0612, CS0618 // grain members may be obsolete; the generated plumbing still has to reach them

            namespace OrderEngine.Runtime.Generated
            {
                internal sealed partial class GrainMetadataProvider_DriverSample
                {
                    [global::System.CodeDom.Compiler.GeneratedCode("OrderEngine.Runtime.CodeGen", "1.0")]
                    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
                    internal sealed class Hello_IHelloGrainProxy : global::OrderEngine.Runtime.Invocation.GrainReference, global::Hello.IHelloGrain
                    {
                        public Hello_IHelloGrainProxy(global::OrderEngine.Runtime.GrainId grainId, global::OrderEngine.Runtime.Invocation.IGrainCallInvoker invoker)
                            : base(grainId, invoker)
                        {
                        }

                        global::System.Threading.Tasks.ValueTask<string> global::Hello.IHelloGrain.SayHello(string greeting, string? from)
                        {
                            return new global::System.Threading.Tasks.ValueTask<string>(base.Invoker.InvokeAsync(this, new Hello_IHelloGrain_0_SayHelloRequest { greeting = greeting, from = from }));
                        }
                    }
                }
            }

            """,
            run.Source("Hello_IHelloGrainProxy.g.cs"));
        Assert.Equal(
            """
            // <auto-generated/>
            #nullable enable
            #pragma warning disable CS0612, CS0618 // grain members may be obsolete; the generated plumbing still has to reach them

            namespace OrderEngine.Runtime.Generated
            {
                internal sealed partial class GrainMetadataProvider_DriverSample
                {
                    [global::System.CodeDom.Compiler.GeneratedCode("OrderEngine.Runtime.CodeGen", "1.0")]
                    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
                    internal sealed class Hello_IHelloGrain_0_SayHelloRequest : global::OrderEngine.Runtime.Invocation.GrainRequest<string>
                    {
                        public static readonly global::OrderEngine.Runtime.Invocation.GrainMethod Descriptor = new(
                            typeof(global::Hello.IHelloGrain),
                            "SayHello",
                            new global::System.Type[] { typeof(string), typeof(string) },
                            typeof(string),
                            global::OrderEngine.Runtime.Invocation.GrainMethodFlags.None,
                            static () => new Hello_IHelloGrain_0_SayHelloRequest());

                        public string greeting = default!;

                        public string? from;

                        public override global::OrderEngine.Runtime.Invocation.GrainMethod Method => Descriptor;

                        public override object? GetArgument(int index) => index switch
                        {
                            0 => this.greeting,
                            1 => this.from,
                            _ => throw BadArgumentIndex(index),
                        };

                        public override void SetArgument(int index, object? value)
                        {
                            switch (index)
                            {
                                case 0:
                                    this.greeting = (string)value!;
                                    break;
                                case 1:
                                    this.from = (string?)value;
                                    break;
                                default:
                                    throw BadArgumentIndex(index);
                            }
                        }

                        public override global::System.Threading.Tasks.ValueTask<string> InvokeAsync(object grain) =>
                            global::OrderEngine.Runtime.Invocation.GrainInvoke.FromValueTask<string>(((global::Hello.IHelloGrain)grain).SayHello(this.greeting, this.from));
                    }
                }
            }

            """,
            run.Source("Hello_IHelloGrain.Requests.g.cs"));
    }

    private static RecordingMetadataBuilder LoadAndPopulate(GeneratorRun run)
    {
        Assert.Empty(run.CompilerProblems);
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));

        // The abstractions resolve to the default context's copy, so the provider speaks the test's types.
        var context = new AssemblyLoadContext("generated-grains", isCollectible: true);
        image.Position = 0;
        var assembly = context.LoadFromStream(image);
        return RecordingMetadataBuilder.PopulateFrom(assembly);
    }
}
