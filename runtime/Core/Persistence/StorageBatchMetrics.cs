using System.Diagnostics.Metrics;

namespace OrderEngine.Runtime.Persistence;

/// <summary>
/// The "OrderEngine.Storage" instruments of the batching storage providers (SQLite, PostgreSQL), tagged with db.system.name: how many write batches committed,
/// how many operations each carried, how long each took, how many failed whole and how many writes
/// lost an ETag race. Measurements are recorded before the callers of a batch are released.
/// </summary>
internal sealed class StorageBatchMetrics : IDisposable
{
    public const string MeterName = "OrderEngine.Storage";

    private readonly KeyValuePair<string, object?> _dbSystem;

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _batches;
    private readonly Histogram<int> _operations;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _failedBatches;
    private readonly Counter<long> _conflicts;

    public StorageBatchMetrics(IMeterFactory? meterFactory, string dbSystem)
    {
        _dbSystem = new("db.system.name", dbSystem);
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _batches = _meter.CreateCounter<long>("orderengine.storage.batches", "{batch}", "Write batches committed (one transaction and one commit each).");
        _operations = _meter.CreateHistogram<int>("orderengine.storage.batch.operations", "{operation}", "Writes carried by one committed batch.");
        _duration = _meter.CreateHistogram<double>("orderengine.storage.batch.duration", "s", "Time to execute and commit one batch.");
        _failedBatches = _meter.CreateCounter<long>("orderengine.storage.batch.failures", "{batch}", "Batches that failed as a whole and were retried one operation at a time.");
        _conflicts = _meter.CreateCounter<long>("orderengine.storage.conflicts", "{operation}", "Writes rejected because their ETag no longer matched.");
    }

    public void ObserveQueueLength(Func<int> queueLength) =>
        _meter.CreateObservableGauge("orderengine.storage.queue.length", () => new Measurement<int>(queueLength(), _dbSystem), "{operation}", "Writes waiting for a writer.");

    public void BatchCommitted(int operations, TimeSpan elapsed)
    {
        _batches.Add(1, _dbSystem);
        _operations.Record(operations, _dbSystem);
        _duration.Record(elapsed.TotalSeconds, _dbSystem);
    }

    public void BatchFailed() => _failedBatches.Add(1, _dbSystem);

    public void Conflict(string kind) => _conflicts.Add(1, _dbSystem, new KeyValuePair<string, object?>("operation", kind));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
