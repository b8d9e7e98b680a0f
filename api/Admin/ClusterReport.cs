using OrderEngine.Runtime.Diagnostics;

namespace OrderEngine.Api.Admin;

/// <summary>The answer of <c>GET /admin/cluster</c>.</summary>
public sealed record ClusterReport(int ActiveSilos, IReadOnlyList<SiloReport> Silos);
