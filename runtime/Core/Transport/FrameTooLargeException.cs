namespace OrderEngine.Runtime.Transport;

/// <summary>A frame is longer than <see cref="TransportOptions.MaxFrameSize"/> (announced by the peer, or written by a local payload).</summary>
internal sealed class FrameTooLargeException(long length, int maxFrameSize)
    : IOException($"A frame of {length} bytes exceeds the maximum frame size of {maxFrameSize} bytes (Transport:MaxFrameSize).")
{
    public long Length { get; } = length;
}
