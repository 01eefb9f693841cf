using System.Net;
using System.Net.Sockets;
using FuncLabel.LocalHost.Worker;
using FuncLabel.TestWorker;
using Microsoft.Extensions.Hosting;

namespace FuncLabel.LocalHost.Tests.Support;

/// <summary>
/// Runs the test worker inside the test process instead of as a child: its host is built with the launch's worker
/// arguments and settings, and its ASP.NET Core endpoint on a port of its own (the integration otherwise picks one port
/// per process, so a second in-process worker would collide). The worker loads function code from
/// <c>FUNCTIONS_APPLICATION_DIRECTORY</c>, a process-wide variable: it is the test folder, where the worker assembly is
/// already loaded.
/// </summary>
internal sealed class InProcessWorkerLauncher : IWorkerLauncher
{
    public async Task<IWorkerHandle> LaunchAsync(WorkerLaunch launch, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable("FUNCTIONS_APPLICATION_DIRECTORY", AppContext.BaseDirectory);
        var settings = launch.Environment
            .Where(e => e.Key != "FUNCTIONS_APPLICATION_DIRECTORY")
            .ToDictionary(e => e.Key, e => (string?)e.Value);
        var httpUri = new Uri($"http://127.0.0.1:{FreePort()}/");
        var host = TestWorkerHost.Build([.. launch.WorkerArguments], settings, httpUri);
        await host.StartAsync(cancellationToken);
        return new Handle(host);
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

        public Handle(IHost host)
        {
            _host = host;
            var lifetime = (IHostApplicationLifetime)host.Services.GetService(typeof(IHostApplicationLifetime))!;
            lifetime.ApplicationStopped.Register(() => _exited.TrySetResult(0));
        }

        public int? ProcessId => null;

        public Task<int> Exited => _exited.Task;

        public void Kill() => _ = StopAsync();

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _host.Dispose();
        }

        private async Task StopAsync()
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _host.StopAsync(quick.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping took too long; the host is abandoned.
            }

            _exited.TrySetResult(0);
        }
    }
}
