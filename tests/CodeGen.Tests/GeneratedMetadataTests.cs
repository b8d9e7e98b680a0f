using System.Reflection;
using OrderEngine.Runtime.CodeGen.Tests.Fakes;
using OrderEngine.Runtime.CodeGen.Tests.Samples;
using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Runtime.CodeGen.Tests;

/// <summary>What the generated provider of this test assembly registers.</summary>
public sealed class GeneratedMetadataTests
{
    private const string Samples = "OrderEngine.Runtime.CodeGen.Tests.Samples.";

    private readonly RecordingMetadataBuilder _builder = RecordingMetadataBuilder.PopulateFrom(typeof(GeneratedMetadataTests).Assembly);

    [Fact]
    public void Assembly_names_one_internal_sealed_provider_in_the_generated_namespace()
    {
        var attribute = Assert.Single(typeof(GeneratedMetadataTests).Assembly.GetCustomAttributes<GrainMetadataProviderAttribute>());
        var provider = attribute.ProviderType;

        Assert.Equal("OrderEngine.Runtime.Generated", provider.Namespace);
        Assert.Equal("GrainMetadataProvider_OrderEngine_Runtime_CodeGen_Tests", provider.Name);
        Assert.True(provider.IsSealed);
        Assert.False(provider.IsPublic);
        Assert.Contains(typeof(IGrainMetadataProvider), provider.GetInterfaces());
        Assert.NotNull(provider.GetConstructor(Type.EmptyTypes));
    }

    [Fact]
    public void Populate_registers_every_grain_interface_of_the_assembly()
    {
        Type[] expected = [typeof(IDerivedSampleGrain), typeof(IEdgeCaseGrain), typeof(IEmptyGrain), typeof(ISampleGrain)];

        Assert.Equal(expected.OrderBy(t => t.FullName), _builder.Interfaces.Keys.OrderBy(t => t.FullName));
    }

    [Fact]
    public void Sample_grain_methods_have_their_keys_types_and_flags()
    {
        var methods = _builder.Interfaces[typeof(ISampleGrain)].Methods;

        Assert.Equal(
            [
                Samples + "ISampleGrain.Reset()",
                Samples + "ISampleGrain.Add(System.Int32,System.Int32)",
                Samples + "ISampleGrain.Touch()",
                Samples + "ISampleGrain.Describe(System.String,System.String," + typeof(Money).FullName + ",System.Nullable`1[System.Int32],System.Collections.Generic.IReadOnlyList`1[System.String])",
                Samples + "ISampleGrain.Notify(System.String)",
                Samples + "ISampleGrain.Peek()",
            ],
            methods.Select(m => m.Key));
        Assert.All(methods, m => Assert.DoesNotContain("Version=", m.Key, StringComparison.Ordinal));
        Assert.All(methods, m => Assert.Same(typeof(ISampleGrain), m.InterfaceType));
        Assert.Equal([typeof(VoidResult), typeof(int), typeof(VoidResult), typeof(string), typeof(VoidResult), typeof(int)], methods.Select(m => m.ResultType));
        Assert.Equal([typeof(int), typeof(int)], methods[1].ParameterTypes);
        Assert.Equal([typeof(string), typeof(string), typeof(Money), typeof(int?), typeof(IReadOnlyList<string>)], methods[3].ParameterTypes);
        Assert.Empty(methods[0].ParameterTypes);
        Assert.Equal(
            [GrainMethodFlags.None, GrainMethodFlags.None, GrainMethodFlags.None, GrainMethodFlags.None, GrainMethodFlags.OneWay, GrainMethodFlags.AlwaysInterleave],
            methods.Select(m => m.Flags));
        Assert.True(methods[4].IsOneWay);
        Assert.False(methods[4].IsAlwaysInterleave);
        Assert.True(methods[5].IsAlwaysInterleave);
        Assert.False(methods[5].IsOneWay);
    }

    [Fact]
    public void Derived_interface_lists_its_own_inherited_and_reminder_methods_sharing_descriptors()
    {
        var derived = _builder.Interfaces[typeof(IDerivedSampleGrain)].Methods;
        var inherited = _builder.Interfaces[typeof(ISampleGrain)].Methods;

        Assert.Equal(8, derived.Count);
        Assert.Equal(Samples + "IDerivedSampleGrain.CountCalls()", derived[0].Key);
        Assert.Same(typeof(long), derived[0].ResultType);
        for (var i = 0; i < inherited.Count; i++)
        {
            Assert.Same(inherited[i], derived[i + 1]);
        }

        var reminder = derived[7];
        Assert.Same(typeof(IRemindable), reminder.InterfaceType);
        Assert.Equal("ReceiveReminder", reminder.Name);
        Assert.Equal("OrderEngine.Runtime.Reminders.IRemindable.ReceiveReminder(System.String,OrderEngine.Runtime.Reminders.TickStatus)", reminder.Key);
        Assert.Equal([typeof(string), typeof(TickStatus)], reminder.ParameterTypes);
        Assert.Same(typeof(VoidResult), reminder.ResultType);
        Assert.Equal(GrainMethodFlags.None, reminder.Flags);
    }

    [Fact]
    public void Edge_case_and_empty_interfaces_are_described()
    {
        var echo = Assert.Single(_builder.Interfaces[typeof(IEdgeCaseGrain)].Methods);
        Assert.Equal(Samples + "IEdgeCaseGrain.Echo(System.String,System.String,System.Int32,System.Object)", echo.Key);
        Assert.Same(typeof(string), echo.ResultType);

        Assert.Empty(_builder.Interfaces[typeof(IEmptyGrain)].Methods);
    }

    [Fact]
    public void Descriptor_creates_a_fresh_empty_request_for_its_method()
    {
        var add = _builder.Interfaces[typeof(ISampleGrain)].Methods[1];

        var first = add.CreateRequest();
        var second = add.CreateRequest();

        Assert.NotSame(first, second);
        Assert.Same(add, first.Method);
        Assert.IsType<GrainRequest<int>>(first, exactMatch: false);
        Assert.Equal(0, first.GetArgument(0));
        Assert.Equal("ISampleGrain.Add", first.ToString());
    }

    [Fact]
    public void Populate_registers_every_concrete_accessible_grain_class()
    {
        Type[] expected = [typeof(GrainContainer.NestedGrain), typeof(PlainGrain), typeof(SampleGrain)];

        Assert.Equal(expected.OrderBy(t => t.FullName), _builder.GrainClasses.Keys.OrderBy(t => t.FullName));
    }

    [Fact]
    public void Populate_rejects_a_null_builder()
    {
        var provider = (IGrainMetadataProvider)Activator.CreateInstance(
            typeof(GeneratedMetadataTests).Assembly.GetCustomAttribute<GrainMetadataProviderAttribute>()!.ProviderType)!;

        Assert.Throws<ArgumentNullException>("builder", () => provider.Populate(null!));
    }
}
