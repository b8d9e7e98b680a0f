using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Messaging;

namespace OrderEngine.Runtime.Activations;

/// <summary>
/// One activation of a grain: its instance, its mailbox and its single-threaded executor. It is the
/// activation's <see cref="SynchronizationContext"/>: every await in grain code posts back here, and
/// at most one thread runs the activation's work at a time (turn-based execution).
///
/// Admission: a non-reentrant activation runs one request at a time; the next starts when the
/// previous one's task completes. [Reentrant] classes and [AlwaysInterleave] methods are admitted at
/// once and interleave at awaits. A request whose call chain holds the turn this activation is busy
/// with is a deadlock and fails immediately.
/// </summary>
internal sealed partial class ActivationData : SynchronizationContext, IThreadPoolWorkItem
{
    private readonly Lock _lock = new();
    private readonly SiloRuntime _runtime;
    private Queue<WorkItem>? _ready;
    private Queue<Message>? _waiting;
    private bool _executing;
    private int _running;
    private long _turnCounter;
    private long _exclusiveTurn;
    private ActivationState _state;
    private long _lastActiveTimestamp;

    public ActivationData(GrainId grainId, GrainClassInfo grainClass, SiloRuntime runtime)
    {
        GrainId = grainId;
        ActivationId = Guid.NewGuid();
        GrainClass = grainClass;
        _runtime = runtime;
        _lastActiveTimestamp = runtime.TimeProvider.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public Guid ActivationId { get; }

    public GrainClassInfo GrainClass { get; }

    public bool IsStatelessWorker => GrainClass.IsStatelessWorker;

    public ActivationState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>Requests started and not yet completed.</summary>
    public int RunningRequests => Volatile.Read(ref _running);

    /// <summary>How long since the last turn completed.</summary>
    public TimeSpan IdleTime => _runtime.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastActiveTimestamp));

    public bool IsIdle
    {
        get
        {
            lock (_lock)
            {
                return _running == 0 && (_waiting is null || _waiting.Count == 0) && (_ready is null || _ready.Count == 0);
            }
        }
    }

    public override void Post(SendOrPostCallback d, object? state) => Schedule(new WorkItem(d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Grain code cannot block on its own activation.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>
    /// Hands a message to this activation. False when the activation is gone: the caller must route
    /// the message again (it will reach the next activation).
    /// </summary>
    public bool Enqueue(Message message)
    {
        Exception? failure = null;
        bool start;
        lock (_lock)
        {
            switch (_state)
            {
                case ActivationState.Invalid:
                    return false;
                case ActivationState.Valid when CanStart(message):
                    _running++;
                    (_ready ??= new Queue<WorkItem>()).Enqueue(new WorkItem(message));
                    break;
                case ActivationState.Valid when IsDeadlock(message):
                    failure = new DeadlockException(message.Chain!.CycleFrom(ActivationId, GrainId), message.MethodName);
                    break;
                default:
                    (_waiting ??= new Queue<Message>()).Enqueue(message);
                    break;
            }

            start = failure is null && !_executing && _ready is { Count: > 0 };
            if (start)
            {
                _executing = true;
            }
        }

        if (failure is not null)
        {
            _runtime.Metrics.Deadlocks.Add(1);
            message.Fail(failure);
        }
        else if (start)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        return true;
    }

    /// <summary>
    /// Fast path: when the activation is idle and nobody runs it, the caller's thread runs the turn
    /// itself, so a call that completes synchronously costs no thread hop. False if the fast path
    /// does not apply; then use <see cref="Enqueue"/>.
    /// </summary>
    public bool TryRunInline(Message message)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Valid || _executing || !CanStart(message))
            {
                return false;
            }

            _executing = true;
            _running++;
        }

        var callerContext = Current;
        SetSynchronizationContext(this);
        try
        {
            StartMessage(message);
        }
        finally
        {
            SetSynchronizationContext(callerContext);
        }

        ReleaseExecutor();
        return true;
    }

    /// <summary>Called on this activation's context when a turn's task has completed.</summary>
    public void OnTurnCompleted(Message message)
    {
        Volatile.Write(ref _lastActiveTimestamp, _runtime.TimeProvider.GetTimestamp());
        bool deactivate;
        lock (_lock)
        {
            _running--;
            if (!message.IsAlwaysInterleave && !GrainClass.IsReentrant)
            {
                _exclusiveTurn = 0;
            }

            AdmitWaiting();
            deactivate = _deactivateWhenIdle && _running == 0 && _state == ActivationState.Valid;
        }

        if (deactivate)
        {
            BeginDeactivation(_deactivationReason);
        }
    }

    internal void LogTimerFailure(Exception exception) =>
        ActivationLog.TimerFailed(_runtime.Logger, GrainId, exception);

    internal void LogOneWayFailure(string methodName, Exception exception) =>
        ActivationLog.OneWayCallFailed(_runtime.Logger, methodName, GrainId, exception);

    void IThreadPoolWorkItem.Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            for (var i = 0; i < _runtime.Options.TurnQuantum; i++)
            {
                WorkItem item;
                lock (_lock)
                {
                    if (_ready is null || !_ready.TryDequeue(out item))
                    {
                        _executing = false;
                        return;
                    }
                }

                RunWorkItem(item);
            }

            // Quantum used up with work left: give the thread to other activations, come back later.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    private void RunWorkItem(WorkItem item)
    {
        if (item.Message is { } message)
        {
            StartMessage(message);
            return;
        }

        try
        {
            item.RunCallback();
        }
        catch (Exception exception)
        {
            ActivationLog.ContinuationFailed(_runtime.Logger, GrainId, exception);
        }
    }

    private void StartMessage(Message message)
    {
        var turn = ++_turnCounter;
        if (!message.IsAlwaysInterleave && !GrainClass.IsReentrant)
        {
            Volatile.Write(ref _exclusiveTurn, turn);
        }

        var callerChain = CallContext.Current;
        CallContext.Current = new CallChain(GrainId, ActivationId, turn, message.Chain);
        try
        {
            message.Run(this, _instance!);
        }
        finally
        {
            CallContext.Current = callerChain;
        }
    }

    private void Schedule(WorkItem item)
    {
        bool start;
        lock (_lock)
        {
            (_ready ??= new Queue<WorkItem>()).Enqueue(item);
            start = !_executing;
            _executing = true;
        }

        if (start)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private void ReleaseExecutor()
    {
        bool more;
        lock (_lock)
        {
            more = _ready is { Count: > 0 };
            _executing = more;
        }

        if (more)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Under the lock: may <paramref name="message"/> start now, given what is running and waiting?</summary>
    private bool CanStart(Message message) =>
        GrainClass.IsReentrant || message.IsAlwaysInterleave || (_running == 0 && (_waiting is null || _waiting.Count == 0));

    /// <summary>Under the lock: the message waits on a turn of ours that waits on it.</summary>
    private bool IsDeadlock(Message message) =>
        message.Chain is not null && _exclusiveTurn != 0 && message.Chain.Contains(ActivationId, _exclusiveTurn);

    /// <summary>Under the lock: moves waiting messages to the ready queue while the rules allow.</summary>
    private void AdmitWaiting()
    {
        if (_state != ActivationState.Valid || _waiting is null)
        {
            return;
        }

        while (_waiting.TryPeek(out var next) && (GrainClass.IsReentrant || next.IsAlwaysInterleave || _running == 0))
        {
            _waiting.Dequeue();
            _running++;
            (_ready ??= new Queue<WorkItem>()).Enqueue(new WorkItem(next));
            if (!GrainClass.IsReentrant && !next.IsAlwaysInterleave)
            {
                // Reserve the exclusive slot now so a deadlock check sees it before the turn starts.
                break;
            }
        }

        if (_ready is { Count: > 0 } && !_executing)
        {
            _executing = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }
}
