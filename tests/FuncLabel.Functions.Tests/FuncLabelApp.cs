using FuncLabel.Functions.Tests.Hosting;

namespace FuncLabel.Functions.Tests;

/// <summary>
/// The real app (<see cref="WorkerApp"/>: the local host running the worker) with the limits and the allowed origin the
/// API tests exercise.
/// </summary>
public sealed class FuncLabelApp() : WorkerApp("api")
{
    public const string AllowedOrigin = "https://labeler.example";

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Limits__MaxBodyBytes"] = "65536";
        settings["Cors__AllowedOrigins__0"] = AllowedOrigin;
        settings["Imports__MaxLineBytes"] = "4096";
    }
}
