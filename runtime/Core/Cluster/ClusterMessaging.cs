using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEngine.Runtime.Cluster.Wire;
using OrderEngine.Runtime.Diagnostics;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Membership;
using OrderEngine.Runtime.Messaging;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Cluster;

/// <summary>
/// Grain calls between silos over the transport: sends calls to their owner and completes them from the
/// responses; runs calls that arrive (or hands them on to the owner this silo sees); answers and sends
/// membership probes. A call in flight to a silo whose connection drops, or that the view declares dead,
/// fails at once with <see cref="SiloUnavailableException"/> rather than waiting for its timeout.
/// </summary>
internal sealed class ClusterMessaging(SiloRuntime runtime, ILogger logger) : IFrameHandler, ISiloProber
{
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _probes = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<SiloStatistics>> _statistics = new();
    private readonly JsonSerializerOptions _json = runtime.Serializer.Options;
    private long _nextId;

    public ConnectionManager? Connections { get; set; }

    public Func<ClusterView>? View { get; set; }

    public int PendingCalls => _pending.Count;

    /// <summary>Sends <paramref name="message"/> to <paramref name="owner"/>; its outcome completes the message.</summary>
    public void Send(Message message, SiloAddress owner)
    {
        var request = message.Request!;
        var id = Interlocked.Increment(ref _nextId);
        if (!request.Method.IsOneWay)
        {
            _pending[id] = new PendingCall(message, owner);
        }

        var payload = new RequestPayload(id, message, request, _json);
        var connections = Connections!;
        if (connections.TryGetConnection(owner.ToString(), out var connection) && connection.TrySend(payload))
        {
            return;
        }

        _ = SendSlowAsync(id, message, owner, payload);
    }

    public async Task<bool> ProbeAsync(SiloAddress silo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _probes[id] = answered;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var connection = await Connections!.GetConnectionAsync(silo.ToString(), EndPointOf(silo), deadline.Token);
            if (!connection.TrySend(new PingPayload(WireKind.Ping, id)))
            {
                return false;
            }

            await answered.Task.WaitAsync(deadline.Token);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            _probes.TryRemove(id, out _);
        }
    }

    /// <summary>Asks <paramref name="silo"/> for its load figures; null when it does not answer within <paramref name="timeout"/>.</summary>
    public async Task<SiloStatistics?> RequestStatisticsAsync(SiloAddress silo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answered = new TaskCompletionSource<SiloStatistics>(TaskCreationOptions.RunContinuationsAsynchronously);
        _statistics[id] = answered;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var connection = await Connections!.GetConnectionAsync(silo.ToString(), EndPointOf(silo), deadline.Token);
            return connection.TrySend(new StatisticsPayload(id, null, _json)) ? await answered.Task.WaitAsync(deadline.Token) : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            _statistics.TryRemove(id, out _);
        }
    }

    public void OnFrame(SiloConnection connection, ReadOnlySequence<byte> payload)
    {
        switch (WireJson.KindOf(payload))
        {
            case WireKind.Request:
                OnRequest(connection, payload);
                break;
            case WireKind.Response:
                OnResponse(payload);
                break;
            case WireKind.Ping:
                connection.TrySend(new PingPayload(WireKind.Pong, WireReader.ReadPingId(payload)));
                break;
            case WireKind.Pong:
                if (_probes.TryGetValue(WireReader.ReadPingId(payload), out var probe))
                {
                    probe.TrySetResult();
                }

                break;
            case WireKind.StatisticsRequest:
                var (requestId, _) = StatisticsPayload.Read(payload, _json);
                connection.TrySend(new StatisticsPayload(requestId, runtime.Services.GetRequiredService<ISiloStatistics>().Read(), _json));
                break;
            case WireKind.StatisticsResponse:
                var (responseId, statistics) = StatisticsPayload.Read(payload, _json);
                if (statistics is not null && _statistics.TryGetValue(responseId, out var waiting))
                {
                    waiting.TrySetResult(statistics);
                }

                break;
            default:
                ClusterLog.FrameDropped(logger, connection.RemoteIdentity, (int)WireJson.KindOf(payload));
                break;
        }
    }

    /// <summary>Sends the outcome of a call that arrived from <paramref name="origin"/>.</summary>
    public void Respond(SiloConnection origin, long id, GrainMethod method, object? result, Exception? error)
    {
        if (!origin.TrySend(new ResponsePayload(id, result, method.ResultType, error, _json)))
        {
            ClusterLog.ResponseDropped(logger, id, origin.RemoteIdentity);
        }
    }

    /// <summary>Fails every call waiting on <paramref name="silo"/> (its connection dropped, or it died).</summary>
    public void FailCallsTo(string silo, string reason)
    {
        foreach (var (id, call) in _pending)
        {
            if (call.Silo.ToString() == silo && _pending.TryRemove(id, out _))
            {
                call.Message.Fail(new SiloUnavailableException(silo, call.Message.Target, call.Message.MethodName, reason));
            }
        }
    }

    private void OnRequest(SiloConnection connection, ReadOnlySequence<byte> payload)
    {
        InboundRequest inbound;
        try
        {
            inbound = WireReader.ReadRequest(payload, runtime.Manifest, _json);
        }
        catch (Exception exception)
        {
            ClusterLog.RequestUnreadable(logger, connection.RemoteIdentity, exception);
            return;
        }

        var message = new RemoteRequestMessage(inbound.Target, inbound.Request, inbound.Chain, inbound.Forwards, this, connection, inbound.Id);
        runtime.Invoker.Dispatch(message, allowInline: false);
    }

    private void OnResponse(ReadOnlySequence<byte> payload)
    {
        (long Id, object? Result, Exception? Error, bool Awaited) response;
        try
        {
            response = WireReader.ReadResponse(payload, id => _pending.TryGetValue(id, out var call) ? call.Message.Request!.Method.ResultType : null, _json);
        }
        catch (Exception exception)
        {
            ClusterLog.ResponseUnreadable(logger, exception);
            return;
        }

        if (!response.Awaited || !_pending.TryRemove(response.Id, out var pending))
        {
            return;
        }

        // Completing runs the caller's continuation: never on the connection's read loop.
        ThreadPool.UnsafeQueueUserWorkItem(
            static state =>
            {
                if (state.Error is null)
                {
                    state.Message.CompleteRemote(state.Result);
                }
                else
                {
                    state.Message.Fail(state.Error);
                }
            },
            (pending.Message, response.Result, response.Error),
            preferLocal: false);
    }

    private async Task SendSlowAsync(long id, Message message, SiloAddress owner, RequestPayload payload)
    {
        try
        {
            var connection = await Connections!.GetConnectionAsync(owner.ToString(), EndPointOf(owner), CancellationToken.None);
            connection.Send(payload);
        }
        catch (Exception exception)
        {
            ClusterLog.SendFailed(logger, message.MethodName, message.Target, owner, exception);
            if (_pending.TryRemove(id, out _) || message.Request!.Method.IsOneWay)
            {
                message.Fail(new SiloUnavailableException(owner.ToString(), message.Target, message.MethodName, exception.Message));
            }
        }
    }

    private static IPEndPoint EndPointOf(SiloAddress silo) =>
        IPAddress.TryParse(silo.Host, out var address) ? new IPEndPoint(address, silo.Port) : new IPEndPoint(Dns.GetHostAddresses(silo.Host)[0], silo.Port);
}
