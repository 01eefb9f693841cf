using FuncLabel.Functions.Hosting;

if (FunctionMetadataCommand.TryRun(args) || MintTokenCommand.TryRun(args))
{
    return;
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.ListenAsCustomHandler();
builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
builder.Services.AddFuncLabel(builder.Configuration);

var app = builder.Build();
app.UseFuncLabel();
app.Run();

/// <summary>Exposed for the in-memory test server.</summary>
public partial class Program;
