using System.Net;
using System.Net.Sockets;
using FuncLabel.Functions.Hosting;
using FuncLabel.LocalHost.Worker;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Azure.Functions.Worker.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FuncLabel.Functions.Tests.Hosting;

/// <summary>
/// Runs the FuncLabel worker inside the test process, built exactly as Program.cs builds it
/// (<see cref="FuncLabelWorker.AddFuncLabel"/>) from the arguments and settings the local host launches it with, plus
/// what a test changes: services (a clock tests move) and nothing else. The worker then connects to the local host over
/// gRPC like the real process would, so requests take the whole path: host routing, the invocation, the worker's
/// middleware, the function.
/// </summary>
/// <remarks>
/// Two details differ from a worker process. The Worker SDK's generated parts (function metadata, the function
/// executor, extension start-up) are found through the entry assembly, which is the test runner here, so they are
/// added explicitly. And the ASP.NET Core extension picks its HTTP port once per process, so each in-process worker
/// listens on a port of its own and advertises it in the <c>HttpUri</c> capability.
/// </remarks>
internal sealed class InProcessWorkerLauncher(Action<IServiceCollection> configureServices) : IWorkerLauncher
{
    /// <summary>The configuration keys the worker reads the launch contract's arguments into.</summary>
    private static readonly Dictionary<string, string> LaunchArguments = new()
    {
        ["--functions-uri"] = "Functions:Worker:HostEndpoint",
        ["--functions-request-id"] = "Functions:Worker:RequestId",
        ["--functions-worker-id"] = "Functions:Worker:WorkerId",
        ["--functions-grpc-max-message-length"] = "Functions:Worker:GrpcMaxMessageLength",
    };

    /// <summary>The worker host of the last launch (a restart replaces it).</summary>
    public IHost? Host { get; private set; }

    public Task<IWorkerHandle> LaunchAsync(WorkerLaunch launch, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var builder = FunctionsApplication.CreateBuilder([.. launch.WorkerArguments]);
        builder.Configuration.AddInMemoryCollection(launch.Environment.Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)));
        // A worker process reads its launch arguments from its own command line; in this process they are handed over.
        builder.Configuration.AddCommandLine([.. launch.WorkerArguments], LaunchArguments);
        builder.ConfigureFunctionsWebApplication();
        builder.AddFuncLabel();
        new WorkerExtensionStartupCodeExecutor().Configure(builder);
        builder.Services.AddSingleton<IFunctionMetadataProvider, GeneratedFunctionMetadataProvider>();
        builder.Services.AddSingleton<IFunctionExecutor, DirectFunctionExecutor>();
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<WorkerOptions>(options => options.Capabilities["HttpUri"] = $"http://127.0.0.1:{port}/");
        configureServices(builder.Services);
        var host = builder.Build();
        Host = host;
        // Not awaited: the worker's start waits for the host's init request, which the host sends once it has the handle.
        var handle = new Handle(host);
        handle.Start(cancellationToken);
        return Task.FromResult<IWorkerHandle>(handle);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Handle : IWorkerHandle
    {
        private readonly IHost _host;
        private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _stopping;

        public Handle(IHost host)
        {
            _host = host;
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            lifetime.ApplicationStopped.Register(() => _exited.TrySetResult(0));
            // WorkerTerminate only asks the worker to stop (in a process of its own, Main then returns); here the
            // host was started, not run, so nothing else would stop it.
            lifetime.ApplicationStopping.Register(() => _ = StopAsync());
        }

        public int? ProcessId => null;

        public void Start(CancellationToken cancellationToken) => _ = StartAsync(cancellationToken);

        private async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await _host.StartAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"The in-process worker failed to start: {e}");
                _exited.TrySetResult(1);
            }
        }

        public Task<int> Exited => _exited.Task;

        public void Kill() => _ = StopAsync();

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _host.Dispose();
        }

        private async Task StopAsync()
        {
            if (Interlocked.Exchange(ref _stopping, 1) == 0)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _host.StopAsync(timeout.Token);
                _exited.TrySetResult(0);
            }
        }
    }
}
