using System.Diagnostics.Metrics;

namespace OrderEngine.Persistence.Tests;

/// <summary>Listens to the "OrderEngine.Storage" instruments of one container (one meter factory) and keeps what they record.</summary>
public sealed class StorageMetricsRecorder : IDisposable
{
    public const string MeterName = "OrderEngine.Storage";

    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private readonly List<int> _batchSizes = [];
    private readonly Dictionary<string, long> _conflicts = [];
    private long _batches;
    private long _batchFailures;
    private int _queueLength;

    public StorageMetricsRecorder(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.SetMeasurementEventCallback<int>(OnInt);
        _listener.Start();
    }

    /// <summary>Batches committed so far.</summary>
    public long Batches
    {
        get
        {
            lock (_lock)
            {
                return _batches;
            }
        }
    }

    /// <summary>Operations of each committed batch, in commit order.</summary>
    public IReadOnlyList<int> BatchSizes
    {
        get
        {
            lock (_lock)
            {
                return [.. _batchSizes];
            }
        }
    }

    public long BatchFailures
    {
        get
        {
            lock (_lock)
            {
                return _batchFailures;
            }
        }
    }

    /// <summary>Writes waiting for the writer loop right now (observes the gauge).</summary>
    public int QueueLength()
    {
        _listener.RecordObservableInstruments();
        lock (_lock)
        {
            return _queueLength;
        }
    }

    public long Conflicts(string operation)
    {
        lock (_lock)
        {
            return _conflicts.GetValueOrDefault(operation);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var operation = FindTag(tags, "operation");
        lock (_lock)
        {
            switch (instrument.Name)
            {
                case "orderengine.storage.batches":
                    _batches += value;
                    break;
                case "orderengine.storage.batch.failures":
                    _batchFailures += value;
                    break;
                case "orderengine.storage.conflicts":
                    _conflicts[operation ?? string.Empty] = _conflicts.GetValueOrDefault(operation ?? string.Empty) + value;
                    break;
            }
        }
    }

    private void OnInt(Instrument instrument, int value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        lock (_lock)
        {
            switch (instrument.Name)
            {
                case "orderengine.storage.batch.operations":
                    _batchSizes.Add(value);
                    break;
                case "orderengine.storage.queue.length":
                    _queueLength = value;
                    break;
            }
        }
    }

    private static string? FindTag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
