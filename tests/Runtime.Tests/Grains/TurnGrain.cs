namespace OrderEngine.Runtime.Tests.Grains;

public sealed class TurnGrain : Grain, ITurnGrain
{
    private int _inside;
    private int _maxInside;
    private int _completed;

    public async Task Work()
    {
        _inside++;
        _maxInside = Math.Max(_maxInside, _inside);
        await Task.Yield();
        _inside--;
        _completed++;
    }

    public Task<int> MaxConcurrentEntries() => Task.FromResult(_maxInside);

    public Task<int> Completed() => Task.FromResult(_completed);
}
