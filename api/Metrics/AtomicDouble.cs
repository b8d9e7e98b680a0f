namespace OrderEngine.Api.Metrics;

/// <summary>Lock-free addition to a double (there is no Interlocked.Add for doubles).</summary>
internal static class AtomicDouble
{
    public static void Add(ref double target, double value)
    {
        var current = Volatile.Read(ref target);
        while (true)
        {
            var observed = Interlocked.CompareExchange(ref target, current + value, current);

            // Bitwise, so that a NaN total (+Inf plus -Inf) cannot make the loop spin forever.
            if (BitConverter.DoubleToInt64Bits(observed) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = observed;
        }
    }
}
