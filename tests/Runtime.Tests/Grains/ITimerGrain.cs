namespace OrderEngine.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartTimer(TimeSpan dueTime, TimeSpan period);

    Task StopTimer();

    /// <summary>A request that stays open until the probe's gate of that name opens.</summary>
    Task HoldOpen(string gate);

    Task<int> Ticks();

    /// <summary>Ticks that ran while a request was in progress (must stay 0).</summary>
    Task<int> Overlaps();
}
