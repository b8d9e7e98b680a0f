using OrderEngine.Runtime.Invocation;

namespace OrderEngine.Runtime.Streams;

/// <summary>Delivers one stream event to an implicitly subscribed grain, as a normal turn.</summary>
internal sealed class StreamDeliveryRequest : GrainRequest<VoidResult>
{
    public static readonly GrainMethod Descriptor = new(
        typeof(IImplicitStreamSubscriber), nameof(IImplicitStreamSubscriber.OnNextAsync), [typeof(StreamEvent)], typeof(VoidResult), GrainMethodFlags.None, static () => new StreamDeliveryRequest());

    public StreamEvent? Event { get; set; }

    public override GrainMethod Method => Descriptor;

    public override object? GetArgument(int index) => index == 0 ? Event : throw BadArgumentIndex(index);

    public override void SetArgument(int index, object? value)
    {
        if (index != 0)
        {
            throw BadArgumentIndex(index);
        }

        Event = (StreamEvent?)value;
    }

    public override ValueTask<VoidResult> InvokeAsync(object grain) =>
        GrainInvoke.FromTask(((IImplicitStreamSubscriber)grain).OnNextAsync(Event!));
}
