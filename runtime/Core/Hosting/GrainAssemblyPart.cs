using System.Reflection;

namespace OrderEngine.Runtime.Hosting;

/// <summary>Registers an assembly whose grain classes this silo hosts.</summary>
internal sealed record GrainAssemblyPart(Assembly Assembly);
