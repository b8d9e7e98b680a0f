namespace OrderEngine.Api.RateLimiting;

/// <summary>
/// One customer's sliding window: a ring of per-segment counts. Time is given as a segment number, so
/// the counter itself has no clock. Retired counters (swept while empty) refuse use; the caller makes a new one.
/// </summary>
internal sealed class SlidingWindowCounter(int segments)
{
    private readonly Lock _lock = new();
    private readonly int[] _counts = new int[segments];
    private long _lastSegment = long.MinValue;
    private int _total;
    private bool _retired;

    /// <summary>
    /// Takes a permit in <paramref name="segment"/> if fewer than <paramref name="limit"/> were taken in the
    /// window ending there. Returns 0 when taken, -1 when this counter is retired, otherwise the first
    /// segment in which a permit frees up.
    /// </summary>
    public long TryTake(long segment, int limit)
    {
        lock (_lock)
        {
            if (_retired)
            {
                return -1;
            }

            Advance(segment);
            if (_total < limit)
            {
                _counts[Slot(segment)]++;
                _total++;
                return 0;
            }

            for (var oldest = segment - segments + 1; oldest <= segment; oldest++)
            {
                if (_counts[Slot(oldest)] > 0)
                {
                    return oldest + segments;
                }
            }

            return segment + 1; // a limit of zero: nothing ever frees up, ask again in a segment.
        }
    }

    /// <summary>Retires the counter when every permit it holds has left the window by <paramref name="segment"/>.</summary>
    public bool TryRetire(long segment)
    {
        lock (_lock)
        {
            if (_lastSegment > segment - segments)
            {
                return false;
            }

            _retired = true;
            return true;
        }
    }

    /// <summary>The ring slot of <paramref name="segment"/>; the window reaches back before segment 0 while the clock is young.</summary>
    private int Slot(long segment) => (int)(((segment % segments) + segments) % segments);

    private void Advance(long segment)
    {
        if (segment <= _lastSegment)
        {
            return;
        }

        if (_lastSegment == long.MinValue || segment - _lastSegment >= segments)
        {
            Array.Clear(_counts);
            _total = 0;
        }
        else
        {
            for (var s = _lastSegment + 1; s <= segment; s++)
            {
                _total -= _counts[Slot(s)];
                _counts[Slot(s)] = 0;
            }
        }

        _lastSegment = segment;
    }
}
