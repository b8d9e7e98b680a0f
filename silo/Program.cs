using OrderEngine.Api;
using OrderEngine.Silo.Composition;

// appsettings.json sits beside the binary; ./data (the embedded database) is relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddOrderEngineSilo();

var app = builder.Build();
app.UseOrderEngineApi();
app.Run();

/// <summary>Entry point; visible to tests that host the silo in process.</summary>
public partial class Program;
