using OrderEngine.Runtime.Streams;
using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests;

public sealed class StreamTests
{
    [Fact]
    public async Task Events_reach_the_implicitly_subscribed_grain_in_publication_order()
    {
        var probe = new GrainProbe();
        await using var silo = await RuntimeSilo.StartAsync(probe);
        var key = Guid.NewGuid().ToString();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(key);

        // Concurrent callers on a reentrant grain: values are taken in call order and group-committed.
        await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => counter.IncrementAndPublish()));

        await Eventually.WaitAsync(() => probe.Count($"event:{key}:") == 300, "every event was delivered");
        var delivered = probe.Events.Where(e => e.StartsWith($"event:{key}:", StringComparison.Ordinal)).Select(e => int.Parse(e.Split(':')[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 300), delivered);
        Assert.Equal(0, await silo.GrainFactory.GetGrain<ISubscriberGrain>(key).OutOfOrder());
    }

    [Fact]
    public async Task An_explicit_subscriber_sees_the_events_of_its_stream_only()
    {
        await using var silo = await RuntimeSilo.StartAsync(new GrainProbe());
        var provider = silo.Services.GetRequiredKeyedServiceProvider("default");
        var seen = new List<object>();
        var stream = provider.GetStream<string>(new StreamId("notes", "a"));
        using var subscription = stream.Subscribe(e =>
        {
            lock (seen)
            {
                seen.Add(e.Payload);
            }

            return Task.CompletedTask;
        });

        await stream.OnNextAsync("one");
        await provider.GetStream<string>(new StreamId("notes", "b")).OnNextAsync("other stream");
        await stream.OnNextAsync("two");

        await Eventually.WaitAsync(() => seen.Count == 2, "two events on stream a");
        Assert.Equal(["one", "two"], seen);
    }
}
