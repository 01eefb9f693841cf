using FuncLabel.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;

StartupTrace.Start();
if (MintTokenCommand.TryRun(args))
{
    return;
}

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddFuncLabel();
StartupTrace.Mark("services");
builder.Build().Run();
