using FuncLabel.Functions.Hosting;

StartupTrace.Start();
if (FunctionMetadataCommand.TryRun(args) || MintTokenCommand.TryRun(args))
{
    return;
}

// App settings never change under a running handler (the Functions host restarts it when they do), so the settings
// files are read once, without the file watcher that reload-on-change would start (cold-start time).
var builder = WebApplication.CreateSlimBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
StartupTrace.Mark("builder");
builder.ListenAsCustomHandler();
builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
builder.Services.AddFuncLabel(builder.Configuration);
StartupTrace.Mark("services");

var app = builder.Build();
StartupTrace.Mark("build");
app.TraceFirstRequest();
app.UseFuncLabel();
StartupTrace.Mark("mapped");
app.Run();

/// <summary>Exposed for the in-memory test server.</summary>
public partial class Program;
