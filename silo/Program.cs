using OrderEngine.Api.Health;
using OrderEngine.Silo.Composition;

var builder = WebApplication.CreateBuilder(args);
builder.AddOrderEngineSilo();

var app = builder.Build();
app.MapHealthProbes();
app.Run();

/// <summary>Entry point; visible to tests that host the silo in process.</summary>
public partial class Program;
