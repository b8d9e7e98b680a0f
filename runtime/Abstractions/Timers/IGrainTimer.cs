namespace OrderEngine.Runtime.Timers;

/// <summary>A grain timer. Dispose to stop it; it also stops when the activation deactivates.</summary>
public interface IGrainTimer : IDisposable
{
    void Change(TimeSpan dueTime, TimeSpan period);
}
