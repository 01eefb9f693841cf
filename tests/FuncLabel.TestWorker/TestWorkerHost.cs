using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FuncLabel.TestWorker;

/// <summary>
/// Builds the worker host. A process gets its settings from the environment the local host gives it; a test that runs
/// the worker in its own process passes them as <paramref name="settings"/> and an <paramref name="httpUri"/>: the
/// ASP.NET Core integration otherwise picks one port per process, so two in-process workers would collide.
/// </summary>
internal static class TestWorkerHost
{
    public static IHost Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null, Uri? httpUri = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.ConfigureFunctionsWebApplication();
        GeneratedStartup.ApplyWhenHostedElsewhere(builder);
        builder.Services.AddSingleton<Records>();

        // Kestrel's own 30 MB request limit would stop the large-body tests; the host in front enforces its limit (100 MB).
        builder.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = null);
        if (httpUri is not null)
        {
            // PostConfigure: the integration registers its own (per-process) HttpUri while the host is built, after
            // anything registered here, so only a post-configuration wins.
            builder.Services.PostConfigure<WorkerOptions>(o => o.Capabilities["HttpUri"] = httpUri.ToString());
            builder.Services.PostConfigure<KestrelServerOptions>(k => k.Listen(IPAddress.Loopback, httpUri.Port));
        }

        return builder.Build();
    }
}
