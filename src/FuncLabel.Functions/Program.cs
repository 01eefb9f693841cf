using FuncLabel.Functions.Hosting;

StartupTrace.Start();
if (FunctionMetadataCommand.TryRun(args) || MintTokenCommand.TryRun(args))
{
    return;
}

var builder = WebApplication.CreateSlimBuilder(args);
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
