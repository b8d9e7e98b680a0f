using OrderEngine.Runtime.CodeGen.Tests.Fakes;
using OrderEngine.Runtime.CodeGen.Tests.Samples;
using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Runtime.CodeGen.Tests;

/// <summary>Generated proxies turn calls into requests and return the invoker's task.</summary>
public sealed class ProxyTests
{
    private static readonly RecordingMetadataBuilder Builder = RecordingMetadataBuilder.PopulateFrom(typeof(ProxyTests).Assembly);

    private readonly RecordingCallInvoker _invoker = new();

    private static GrainMethod Method(Type grainInterface, string name) =>
        Builder.Interfaces[grainInterface].Methods.Single(m => m.Name == name);

    private T Proxy<T>(string key)
        where T : IGrain =>
        (T)(object)Builder.Interfaces[typeof(T)].CreateProxy(new GrainId("sample", key), _invoker);

    private static object?[] Arguments(GrainRequest request, int count) =>
        Enumerable.Range(0, count).Select(request.GetArgument).ToArray();

    [Fact]
    public void Proxy_is_a_grain_reference_with_its_id()
    {
        var proxy = Builder.Interfaces[typeof(ISampleGrain)].CreateProxy(new GrainId("sample", "p-1"), _invoker);

        Assert.Equal(new GrainId("sample", "p-1"), proxy.GrainId);
        Assert.IsAssignableFrom<ISampleGrain>(proxy);
        Assert.Equal(proxy, Builder.Interfaces[typeof(ISampleGrain)].CreateProxy(new GrainId("sample", "p-1"), new RecordingCallInvoker()));
    }

    [Fact]
    public async Task Task_of_T_method_sends_its_arguments_and_returns_the_invokers_task()
    {
        var proxy = Proxy<ISampleGrain>("add-1");

        var result = proxy.Add(2, 3);

        var call = _invoker.SingleCall;
        Assert.Same(proxy, call.Target);
        Assert.Same(Method(typeof(ISampleGrain), "Add"), call.Request.Method);
        Assert.Equal([2, 3], Arguments(call.Request, 2));
        Assert.Same(call.Task, result);
        Assert.False(result.IsCompleted);
        call.Complete(5);
        Assert.Equal(5, await result);
    }

    [Fact]
    public async Task Task_method_returns_the_invokers_task()
    {
        var proxy = Proxy<ISampleGrain>("reset-1");

        var result = proxy.Reset();

        var call = _invoker.SingleCall;
        Assert.Same(Method(typeof(ISampleGrain), "Reset"), call.Request.Method);
        Assert.Same(call.Task, result);
        Assert.False(result.IsCompleted);
        call.Complete(default(VoidResult));
        await result;
        Assert.True(result.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ValueTask_method_wraps_the_invokers_task()
    {
        var proxy = Proxy<ISampleGrain>("touch-1");

        var result = proxy.Touch();

        var call = _invoker.SingleCall;
        Assert.Same(Method(typeof(ISampleGrain), "Touch"), call.Request.Method);
        Assert.False(result.IsCompleted);
        var task = result.AsTask();
        Assert.Same(call.Task, task);
        call.Complete(default(VoidResult));
        await task;
        Assert.True(task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ValueTask_of_T_method_sends_every_kind_of_argument_and_returns_a_nullable_result()
    {
        var proxy = Proxy<ISampleGrain>("describe-1");
        var amount = new Money(12.5m, "EUR");
        string[] tags = ["a", "b"];

        var result = proxy.Describe("widget", null, amount, 3, tags);

        var call = _invoker.SingleCall;
        Assert.Same(Method(typeof(ISampleGrain), "Describe"), call.Request.Method);
        var arguments = Arguments(call.Request, 5);
        Assert.Equal("widget", arguments[0]);
        Assert.Null(arguments[1]);
        Assert.Same(amount, arguments[2]);
        Assert.Equal(3, arguments[3]);
        Assert.Same(tags, arguments[4]);
        var task = result.AsTask();
        Assert.Same(call.Task, task);
        call.Complete(null);
        Assert.Null(await task);
    }

    [Fact]
    public void One_way_and_always_interleave_calls_carry_their_flags()
    {
        var proxy = Proxy<ISampleGrain>("flags-1");

        _ = proxy.Notify("hello");
        _ = proxy.Peek();

        Assert.Equal(2, _invoker.Calls.Count);
        Assert.Equal(GrainMethodFlags.OneWay, _invoker.Calls[0].Request.Method.Flags);
        Assert.Equal(["hello"], Arguments(_invoker.Calls[0].Request, 1));
        Assert.Equal(GrainMethodFlags.AlwaysInterleave, _invoker.Calls[1].Request.Method.Flags);
    }

    [Fact]
    public async Task Derived_proxy_implements_inherited_and_reminder_methods()
    {
        var proxy = Proxy<IDerivedSampleGrain>("derived-1");
        var status = new TickStatus(DateTimeOffset.UnixEpoch, Timeout.InfiniteTimeSpan, DateTimeOffset.UnixEpoch.AddMinutes(1));

        var count = proxy.CountCalls();
        var add = proxy.Add(1, 1);
        var reminder = ((IRemindable)proxy).ReceiveReminder("timeout", status);

        Assert.Equal(3, _invoker.Calls.Count);
        Assert.Same(Method(typeof(IDerivedSampleGrain), "CountCalls"), _invoker.Calls[0].Request.Method);
        Assert.Same(Method(typeof(ISampleGrain), "Add"), _invoker.Calls[1].Request.Method);
        var reminderCall = _invoker.Calls[2];
        Assert.Same(typeof(IRemindable), reminderCall.Request.Method.InterfaceType);
        Assert.Equal(["timeout", status], Arguments(reminderCall.Request, 2));
        Assert.Same(reminderCall.Task, reminder);
        _invoker.Calls[0].Complete(7L);
        Assert.Equal(7L, await count);
        Assert.False(add.IsCompleted);
    }

    [Fact]
    public void Parameters_named_like_request_members_or_keywords_reach_the_right_slots()
    {
        var proxy = Proxy<IEdgeCaseGrain>("edge-1");
        var payload = new object();

        _ = proxy.Echo("method", "class", 7, payload);

        Assert.Equal(["method", "class", 7, payload], Arguments(_invoker.SingleCall.Request, 4));
    }
}
