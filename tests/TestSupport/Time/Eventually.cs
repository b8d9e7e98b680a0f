using System.Diagnostics;

namespace OrderEngine.Testing.Time;

/// <summary>Waits for a condition with a deadline (never a fixed sleep): for effects that surface asynchronously.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static Task WaitAsync(Func<bool> condition, string because, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WaitAsync(() => Task.FromResult(condition()), because, timeout);
    }

    public static async Task WaitAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (!await condition())
        {
            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for: {because}");
            }

            await Task.Yield();
            await Task.Delay(1);
        }
    }
}
