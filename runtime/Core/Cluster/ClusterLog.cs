using Microsoft.Extensions.Logging;
using OrderEngine.Runtime.Membership;

namespace OrderEngine.Runtime.Cluster;

internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, EventName = "silo_joined", Message = "Silo {Silo} joined the cluster as {Status}")]
    public static partial void Joined(ILogger logger, SiloAddress silo, SiloStatus status);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, EventName = "view_changed", Message = "Cluster view {Version}: {Active} active silos ({View})")]
    public static partial void ViewChanged(ILogger logger, long version, int active, ClusterView view);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, EventName = "silo_suspected", Message = "Silo {Silo} missed {Missed} probes; voting it dead ({Votes} of {Needed} votes)")]
    public static partial void Suspected(ILogger logger, SiloAddress silo, int missed, int votes, int needed);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, EventName = "silo_declared_dead", Message = "Silo {Silo} declared dead by {Suspectors}")]
    public static partial void DeclaredDead(ILogger logger, SiloAddress silo, string suspectors);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Critical, EventName = "self_declared_dead", Message = "This silo ({Silo}) is marked dead in the membership table: it stops serving")]
    public static partial void SelfDead(ILogger logger, SiloAddress silo);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, EventName = "membership_failed", Message = "Membership {Operation} failed; retrying on the next round")]
    public static partial void TableFailed(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, EventName = "silo_leaving", Message = "Silo {Silo} is leaving the cluster ({Status})")]
    public static partial void Leaving(ILogger logger, SiloAddress silo, SiloStatus status);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, EventName = "defunct_cleaned", Message = "Removed {Count} defunct membership rows")]
    public static partial void Cleaned(ILogger logger, int count);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, EventName = "frame_dropped", Message = "Dropped a frame of unknown kind {Kind} from {Silo}")]
    public static partial void FrameDropped(ILogger logger, string silo, int kind);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, EventName = "response_dropped", Message = "Could not send the response to call {Id}: the connection to {Silo} is closed")]
    public static partial void ResponseDropped(ILogger logger, long id, string silo);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error, EventName = "request_unreadable", Message = "A request from {Silo} could not be read")]
    public static partial void RequestUnreadable(ILogger logger, string silo, Exception exception);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Error, EventName = "response_unreadable", Message = "A response could not be read")]
    public static partial void ResponseUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, EventName = "send_failed", Message = "Could not send {Method} for {Grain} to {Silo}")]
    public static partial void SendFailed(ILogger logger, string method, GrainId grain, SiloAddress silo, Exception exception);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Warning, EventName = "leave_failed", Message = "Leaving the cluster gracefully failed; the other silos will find this one dead by probing")]
    public static partial void LeaveFailed(ILogger logger, Exception exception);
}
