namespace OrderEngine.Runtime.Transport;

/// <summary>The outcome of parsing the front of a receive buffer.</summary>
internal enum FrameReadStatus
{
    /// <summary>Not all of the next frame has arrived yet.</summary>
    Incomplete,

    /// <summary>A whole frame was taken off the buffer.</summary>
    Frame,

    /// <summary>The next frame announces a length above the maximum (or a negative one): a protocol error.</summary>
    TooLarge,
}
