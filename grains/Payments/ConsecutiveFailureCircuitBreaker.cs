using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderEngine.GrainInterfaces.Payments;

namespace OrderEngine.Grains.Payments;

/// <summary>
/// The payment gateway's circuit breaker, one per silo, on the injected clock. Closed: calls pass and
/// <see cref="CircuitBreakerOptions.FailureThreshold"/> failures in a row (any success resets the count)
/// open it. Open: calls are refused until the break ends, then it is half-open. Half-open: up to
/// <see cref="CircuitBreakerOptions.SuccessThreshold"/> trial calls pass; that many successes close it
/// (the break duration resets), a failure re-opens it with the break doubled, capped at the maximum.
/// Results are matched to the state they started in by a generation number: a call that started before
/// the breaker changed state does not count in the new state.
/// </summary>
public sealed class ConsecutiveFailureCircuitBreaker
{
    private readonly Lock _lock = new();
    private readonly CircuitBreakerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ConsecutiveFailureCircuitBreaker> _logger;
    private CircuitState _state = CircuitState.Closed;
    private long _generation;
    private int _failures;
    private int _trialsStarted;
    private int _trialSuccesses;
    private int _timesOpened;
    private long _rejected;
    private DateTimeOffset _openedAt;
    private TimeSpan _breakDuration;

    public ConsecutiveFailureCircuitBreaker(IOptions<PaymentsOptions> options, TimeProvider timeProvider, ILogger<ConsecutiveFailureCircuitBreaker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.CircuitBreaker;
        _timeProvider = timeProvider;
        _logger = logger;
        _breakDuration = _options.BaseBreakDuration;
    }

    public CircuitState State => Status.State;

    public PaymentCircuitStatus Status
    {
        get
        {
            lock (_lock)
            {
                HalfOpenIfBreakEndedLocked();
                DateTimeOffset? openUntil = _state == CircuitState.Open ? _openedAt + _breakDuration : null;
                return new PaymentCircuitStatus(_state, _failures, _breakDuration, openUntil, _timesOpened, _rejected);
            }
        }
    }

    /// <summary>
    /// Asks to make a call. False while open (with the time left in the break), while half-open with every
    /// trial slot taken (zero), or while isolated (null).
    /// </summary>
    public bool TryAcquire(out CircuitPermit permit, out TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            HalfOpenIfBreakEndedLocked();
            permit = new CircuitPermit(_generation);
            retryAfter = null;
            switch (_state)
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.HalfOpen when _trialsStarted < _options.SuccessThreshold:
                    _trialsStarted++;
                    return true;
                case CircuitState.HalfOpen:
                    retryAfter = TimeSpan.Zero;
                    break;
                case CircuitState.Open:
                    retryAfter = _openedAt + _breakDuration - _timeProvider.GetUtcNow();
                    break;
            }

            _rejected++;
            return false;
        }
    }

    public void OnSuccess(CircuitPermit permit)
    {
        lock (_lock)
        {
            if (permit.Generation != _generation)
            {
                return;
            }

            if (_state == CircuitState.Closed)
            {
                _failures = 0;
            }
            else if (_state == CircuitState.HalfOpen && ++_trialSuccesses >= _options.SuccessThreshold)
            {
                _breakDuration = _options.BaseBreakDuration;
                MoveLocked(CircuitState.Closed);
            }
        }
    }

    public void OnFailure(CircuitPermit permit)
    {
        lock (_lock)
        {
            if (permit.Generation != _generation)
            {
                return;
            }

            if (_state == CircuitState.Closed && ++_failures >= _options.FailureThreshold)
            {
                _breakDuration = _options.BaseBreakDuration;
                OpenLocked();
            }
            else if (_state == CircuitState.HalfOpen)
            {
                var doubled = _breakDuration * 2;
                _breakDuration = doubled > _options.MaxBreakDuration ? _options.MaxBreakDuration : doubled;
                OpenLocked();
            }
        }
    }

    /// <summary>A call that ended without a verdict (cancelled by its caller): frees its half-open trial slot.</summary>
    public void OnAbandoned(CircuitPermit permit)
    {
        lock (_lock)
        {
            if (permit.Generation == _generation && _state == CircuitState.HalfOpen)
            {
                _trialsStarted--;
            }
        }
    }

    /// <summary>Holds the circuit open until <see cref="Reset"/> (an operator isolating the payment service).</summary>
    public void Isolate()
    {
        lock (_lock)
        {
            MoveLocked(CircuitState.Isolated);
        }
    }

    /// <summary>Closes the circuit and forgets failures and the doubled break.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _breakDuration = _options.BaseBreakDuration;
            MoveLocked(CircuitState.Closed);
        }
    }

    private void OpenLocked()
    {
        _openedAt = _timeProvider.GetUtcNow();
        _timesOpened++;
        MoveLocked(CircuitState.Open);
    }

    private void HalfOpenIfBreakEndedLocked()
    {
        if (_state == CircuitState.Open && _timeProvider.GetUtcNow() >= _openedAt + _breakDuration)
        {
            MoveLocked(CircuitState.HalfOpen);
        }
    }

    private void MoveLocked(CircuitState next)
    {
        var previous = _state;
        _state = next;
        _generation++;
        _failures = 0;
        _trialsStarted = 0;
        _trialSuccesses = 0;
        PaymentLog.CircuitChanged(_logger, previous, next, _breakDuration);
    }
}
