using System.Text.Json.Serialization;

namespace OrderEngine.GrainInterfaces.Admin;

/// <summary>What a scaling hint advises.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScalingAction>))]
public enum ScalingAction
{
    Hold,
    ScaleOut,

    /// <summary>CPU above the critical threshold: scale out now.</summary>
    ScaleOutNow,
    ScaleIn,
}
