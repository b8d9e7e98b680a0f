using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.Grains.Payments;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Streams;
using OrderEngine.Runtime.Timers;

namespace OrderEngine.Grains.Orders;

/// <summary>
/// An order: the commands of <see cref="IOrderGrain"/> (this file), one method per transition
/// (OrderGrain.Transitions.cs), payment in its own turns (OrderGrain.Payment.cs) and durable timeouts
/// (OrderGrain.Timeouts.cs). Not reentrant: one command, timer tick or reminder at a time, so each
/// check-then-act is atomic; only <see cref="GetSnapshot"/> interleaves (it reads).
/// </summary>
[GrainType("order")]
public sealed partial class OrderGrain : Grain, IOrderGrain, IRemindable
{
    public const string StateName = "order";

    private readonly IPersistentState<OrderState> _state;
    private readonly PaymentProcessor _payments;
    private readonly OrdersOptions _options;
    private readonly OrderMetrics _metrics;
    private readonly ILogger<OrderGrain> _logger;
    private readonly StreamId _events;
    private readonly StreamId _deadLetters;
    private readonly Dictionary<string, IGrainReminder> _reminders = new(StringComparer.Ordinal);
    private IGrainTimer? _paymentTimer;

    public OrderGrain(
        [PersistentState(StateName, OrderStorage.Name)] IPersistentState<OrderState> state,
        PaymentProcessor payments,
        IOptions<OrdersOptions> options,
        OrderMetrics metrics,
        ILogger<OrderGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _state = state;
        _payments = payments;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        var streamKey = OrderStreams.StreamKeyOf(OrderId);
        _events = new StreamId(OrderStreams.Events, streamKey);
        _deadLetters = new StreamId(OrderStreams.DeadLetters, streamKey);
    }

    private string OrderId => GetPrimaryKeyString();

    private OrderState State => _state.State;

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    private StockReservations Stock => new(GrainFactory, OrderId);

    /// <summary>Finishes work a crash interrupted: an amendment in flight, stock to commit or release.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.PendingAmendment is { } lines)
        {
            OrderLog.Recovering(_logger, OrderId, "amendment");
            await ApplyAmendmentAsync(lines, "amendment resumed after an interruption");
        }

        if (State.PendingStock != StockAction.None)
        {
            OrderLog.Recovering(_logger, OrderId, $"stock {State.PendingStock}");
            await SettleStockAsync();
        }
    }

    public async Task<PlaceOrderResult> Place(PlaceOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var lines = OrderLines.Validate(OrderId, command.CustomerId, command.Lines, _options.MaxLinesPerOrder);
        if (State.Exists)
        {
            if (State.CustomerId != command.CustomerId || !OrderLines.SameLines(State.RequestedLines, lines))
            {
                throw new OrderConflictException(OrderId);
            }

            if (State.Status != OrderStatus.Pending)
            {
                return Answer();
            }

            // A retry of a placement that was interrupted before its reservation: its timeout may be missing.
            await RegisterTimeoutAsync(OrderReminders.Timeout, _options.UnpaidTimeout);
            return await ReserveLinesAsync();
        }

        // The timeout and the Pending record are both written before any stock is taken, so stock held
        // for this order always has a timeout that releases it. They do not depend on each other, so
        // they go to storage together (one round trip, one commit with a batching provider).
        await Task.WhenAll(
            RegisterTimeoutAsync(OrderReminders.Timeout, _options.UnpaidTimeout),
            CreateAsync(command.CustomerId, lines));
        return await ReserveLinesAsync();
    }

    public async Task<AmendOrderResult> Amend(AmendOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        EnsureExists();
        var lines = OrderLines.Validate(OrderId, State.CustomerId, command.Lines, _options.MaxLinesPerOrder);
        if (State.Status != OrderStatus.Reserved)
        {
            throw new InvalidOrderTransitionException(OrderId, State.Status, OrderStatus.Reserved, "lines can change only while the order is Reserved, before payment");
        }

        if (OrderLines.SameLines(State.Items, lines))
        {
            return new AmendOrderResult(Snapshot(), null);
        }

        _state.State = State with { PendingAmendment = lines };
        await _state.WriteStateAsync();
        return await ApplyAmendmentAsync(lines, string.IsNullOrWhiteSpace(command.Reason) ? "lines amended" : command.Reason);
    }

    public async Task<OrderSnapshot> Cancel(string reason)
    {
        EnsureExists();
        await MarkCancelledAsync(string.IsNullOrWhiteSpace(reason) ? "cancelled" : reason, "requested");
        return Snapshot();
    }

    public async Task<OrderSnapshot> Process(bool force)
    {
        EnsureExists();
        switch (State.Status)
        {
            case OrderStatus.Reserved:
                await BeginProcessingAsync(force ? "payment forced by an operator" : "payment requested");
                break;
            case OrderStatus.Processing when force:
                await RetryProcessingAsync("payment re-run forced by an operator", countsAsStuckRetry: false);
                break;
            case OrderStatus.Processing:
                throw new InvalidOrderTransitionException(OrderId, OrderStatus.Processing, OrderStatus.Processing, "payment is already running; pass force to re-run it");
            default:
                throw new InvalidOrderTransitionException(OrderId, State.Status, OrderStatus.Processing);
        }

        SchedulePayment(TimeSpan.Zero);
        return Snapshot();
    }

    public async Task<OrderSnapshot> Ship(string? trackingNumber)
    {
        EnsureExists();
        await MarkShippedAsync(trackingNumber);
        return Snapshot();
    }

    public async Task<OrderSnapshot> Complete()
    {
        EnsureExists();
        await MarkCompletedAsync();
        return Snapshot();
    }

    public Task<OrderSnapshot?> GetSnapshot() => Task.FromResult(State.Exists ? Snapshot() : null);

    private async Task<PlaceOrderResult> ReserveLinesAsync()
    {
        var reservation = await Stock.ReserveAllAsync(State.CustomerId!, State.RequestedLines);
        if (reservation.Rejection is { } rejection)
        {
            await MarkRejectedAsync(rejection);
            return Answer();
        }

        await MarkReservedAsync(reservation.Items);
        if (_options.StartPaymentAutomatically)
        {
            SchedulePayment(TimeSpan.Zero);
        }

        return Answer();
    }

    private async Task<AmendOrderResult> ApplyAmendmentAsync(ImmutableArray<OrderLine> lines, string reason)
    {
        var result = await Stock.AmendAsync(State.CustomerId!, State.Items, lines);
        if (result.Rejection is { } rejection)
        {
            await RecordRejectedAmendmentAsync(rejection, reason);
            return new AmendOrderResult(Snapshot(), rejection);
        }

        await RecordAmendmentAsync(result.Items, reason);
        return new AmendOrderResult(Snapshot(), null);
    }

    private void EnsureExists()
    {
        if (!State.Exists)
        {
            throw new OrderNotFoundException(OrderId);
        }
    }

    private PlaceOrderResult Answer() => new(Snapshot(), State.Rejection);

    private OrderSnapshot Snapshot() => State.ToSnapshot(OrderId);
}
