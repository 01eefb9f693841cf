using FuncLabel.Functions.Http;
using Microsoft.Azure.Functions.Worker.Builder;

namespace FuncLabel.Functions.Hosting;

/// <summary>The app's worker set-up after the ASP.NET Core integration: its middleware and its services.</summary>
internal static class FuncLabelWorker
{
    /// <summary>
    /// Shared by Program.cs and the tests' in-process worker, so both run the same middleware order and services.
    /// </summary>
    public static FunctionsApplicationBuilder AddFuncLabel(this FunctionsApplicationBuilder builder)
    {
        builder.UseMiddleware<CosmosReadiness>();
        builder.UseMiddleware<HttpFunctionMiddleware>();
        builder.Services.AddFuncLabel(builder.Configuration);
        builder.Services.AddHostedService<FirstRequestWarmup>();
        return builder;
    }
}
