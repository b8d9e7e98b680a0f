using OrderEngine.Runtime.Invocation;

namespace OrderEngine.Runtime.Messaging;

/// <summary>Activates a grain without calling it (outbox recovery: activation publishes what is pending).</summary>
internal sealed class ActivateRequest : GrainRequest<VoidResult>
{
    public static readonly GrainMethod Descriptor = new(
        typeof(IGrain), "Activate", [], typeof(VoidResult), GrainMethodFlags.AlwaysInterleave, static () => new ActivateRequest());

    public override GrainMethod Method => Descriptor;

    public override object? GetArgument(int index) => throw BadArgumentIndex(index);

    public override void SetArgument(int index, object? value) => throw BadArgumentIndex(index);

    public override ValueTask<VoidResult> InvokeAsync(object grain) => default;
}
