using OrderEngine.Runtime.Streams;
using OrderEngine.Runtime.Tests.Support;

namespace OrderEngine.Runtime.Tests.Grains;

/// <summary>Implicitly subscribed to the counter events of the counter with the same key.</summary>
[ImplicitStreamSubscription(CounterGrain.EventNamespace)]
public sealed class SubscriberGrain(GrainProbe probe) : Grain, ISubscriberGrain, IImplicitStreamSubscriber
{
    private int _last;
    private int _outOfOrder;

    public Task OnNextAsync(StreamEvent streamEvent)
    {
        var counterEvent = (CounterEvent)streamEvent.Payload;
        if (counterEvent.Value <= _last)
        {
            _outOfOrder++;
        }

        _last = counterEvent.Value;
        probe.Record($"event:{GetPrimaryKeyString()}:{counterEvent.Value}:{streamEvent.EventId}");
        return Task.CompletedTask;
    }

    public Task<int> OutOfOrder() => Task.FromResult(_outOfOrder);
}
