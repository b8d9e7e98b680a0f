using OrderEngine.Runtime.CodeGen.Tests.Fakes;
using OrderEngine.Runtime.CodeGen.Tests.Samples;
using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Runtime.CodeGen.Tests;

/// <summary>Generated requests carry arguments by index and invoke the grain method without reflection.</summary>
public sealed class RequestTests
{
    private static readonly RecordingMetadataBuilder Builder = RecordingMetadataBuilder.PopulateFrom(typeof(RequestTests).Assembly);

    private readonly RecordingSampleGrain _grain = new();

    private static GrainRequest<TResult> Request<TResult>(Type grainInterface, string name) =>
        (GrainRequest<TResult>)Builder.Interfaces[grainInterface].Methods.Single(m => m.Name == name).CreateRequest();

    [Fact]
    public void Arguments_round_trip_through_set_and_get()
    {
        var request = Request<string?>(typeof(ISampleGrain), "Describe");
        var amount = new Money(1m, "USD");
        var tags = new List<string> { "x" };

        request.SetArgument(0, "name");
        request.SetArgument(1, "note");
        request.SetArgument(2, amount);
        request.SetArgument(3, 4);
        request.SetArgument(4, tags);

        Assert.Equal("name", request.GetArgument(0));
        Assert.Equal("note", request.GetArgument(1));
        Assert.Same(amount, request.GetArgument(2));
        Assert.Equal(4, request.GetArgument(3));
        Assert.Same(tags, request.GetArgument(4));

        request.SetArgument(1, null);
        request.SetArgument(3, null);
        Assert.Null(request.GetArgument(1));
        Assert.Null(request.GetArgument(3));
    }

    [Fact]
    public void Edge_case_fields_round_trip()
    {
        var request = Request<string>(typeof(IEdgeCaseGrain), "Echo");

        request.SetArgument(0, "m");
        request.SetArgument(1, "c");
        request.SetArgument(2, 9);
        request.SetArgument(3, null);

        Assert.Equal(["m", "c", 9, null], Enumerable.Range(0, 4).Select(request.GetArgument));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void A_bad_argument_index_throws(int index)
    {
        var request = Request<int>(typeof(ISampleGrain), "Add");

        var get = Assert.Throws<ArgumentOutOfRangeException>(nameof(index), () => request.GetArgument(index));
        var set = Assert.Throws<ArgumentOutOfRangeException>(nameof(index), () => request.SetArgument(index, 1));

        Assert.Equal(index, get.ActualValue);
        Assert.Equal(index, set.ActualValue);
    }

    [Fact]
    public void A_request_without_parameters_has_no_argument_slots()
    {
        var request = Request<VoidResult>(typeof(ISampleGrain), "Reset");

        Assert.Throws<ArgumentOutOfRangeException>("index", () => request.GetArgument(0));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => request.SetArgument(0, null));
    }

    [Fact]
    public async Task Invoke_calls_the_grain_with_the_request_arguments_and_returns_its_result()
    {
        var request = Request<int>(typeof(ISampleGrain), "Add");
        request.SetArgument(0, 2);
        request.SetArgument(1, 3);

        var result = await request.InvokeAsync(_grain);

        Assert.Equal(5, result);
        Assert.Equal(["Add(2, 3)"], _grain.Calls);
    }

    [Fact]
    public async Task Invoke_completes_when_the_grain_task_completes()
    {
        _grain.PendingAdd = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = Request<int>(typeof(ISampleGrain), "Add");

        var result = request.InvokeAsync(_grain);

        Assert.False(result.IsCompleted);
        _grain.PendingAdd.SetResult(9);
        Assert.Equal(9, await result);
    }

    [Fact]
    public async Task Invoke_adapts_task_and_value_task_methods_without_results()
    {
        var reset = await Request<VoidResult>(typeof(ISampleGrain), "Reset").InvokeAsync(_grain);
        var touch = await Request<VoidResult>(typeof(ISampleGrain), "Touch").InvokeAsync(_grain);

        Assert.Equal(default, reset);
        Assert.Equal(default, touch);
        Assert.Equal(["Reset()", "Touch()"], _grain.Calls);
    }

    [Fact]
    public async Task Invoke_untyped_boxes_a_value_task_result()
    {
        var request = Request<string?>(typeof(ISampleGrain), "Describe");
        request.SetArgument(0, "n");
        request.SetArgument(1, "x");
        request.SetArgument(2, new Money(2m, "EUR"));
        request.SetArgument(3, null);
        request.SetArgument(4, new List<string> { "t1", "t2" });

        var result = await request.InvokeUntypedAsync(_grain);

        Assert.Equal("n: x", result);
        Assert.Equal(["Describe(n, x, Money { Amount = 2, Currency = EUR }, null, [t1,t2])"], _grain.Calls);
    }

    [Fact]
    public async Task Invoke_of_an_inherited_reminder_method_casts_to_the_declaring_interface()
    {
        var request = Request<VoidResult>(typeof(IDerivedSampleGrain), "ReceiveReminder");
        request.SetArgument(0, "deadline");
        request.SetArgument(1, new TickStatus(DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(5), DateTimeOffset.UnixEpoch));

        await request.InvokeAsync(_grain);

        Assert.Equal(["ReceiveReminder(deadline, 00:05:00)"], _grain.Calls);
    }

    [Fact]
    public async Task Invoke_on_an_object_that_is_not_the_grain_interface_fails()
    {
        var request = Request<int>(typeof(ISampleGrain), "Peek");

        await Assert.ThrowsAsync<InvalidCastException>(async () => await request.InvokeAsync(new object()));
    }
}
