using System.Net;
using System.Net.Sockets;
using FuncLabel.LocalHost.Worker;
using FuncLabel.TestWorker;
using Microsoft.Extensions.Hosting;

namespace FuncLabel.LocalHost.Tests.Support;

/// <summary>
/// Runs the test worker inside the test process instead of as a child: its host is built with the launch's worker
/// arguments and settings, and its ASP.NET Core endpoint on a port of its own (the integration otherwise picks one port
/// per process, so a second in-process worker would collide). The worker reads its <c>--functions-*</c> arguments from
/// the process's command line, so they are given as configuration (<see cref="WorkerLaunch.WorkerConfiguration"/>).
/// The worker loads function code from
/// <c>FUNCTIONS_APPLICATION_DIRECTORY</c>, a process-wide variable: it is the test folder, where the worker assembly is
/// already loaded.
/// </summary>
internal sealed class InProcessWorkerLauncher : IWorkerLauncher
{
    public Task<IWorkerHandle> LaunchAsync(WorkerLaunch launch, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable("FUNCTIONS_APPLICATION_DIRECTORY", AppContext.BaseDirectory);
        var settings = launch.Environment
            .Where(e => e.Key != "FUNCTIONS_APPLICATION_DIRECTORY")
            .Concat(launch.WorkerConfiguration)
            .ToDictionary(e => e.Key, e => (string?)e.Value);
        var httpUri = new Uri($"http://127.0.0.1:{FreePort()}/");
        var host = TestWorkerHost.Build([.. launch.WorkerArguments], settings, httpUri);

        // Like a process launch, this returns at once: the worker's start completes only once the host has answered its
        // stream, which the host does after the launch returns.
        return Task.FromResult<IWorkerHandle>(new Handle(host));
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
        private Task _started = Task.CompletedTask;

        public Handle(IHost host)
        {
            _host = host;
            var lifetime = (IHostApplicationLifetime)host.Services.GetService(typeof(IHostApplicationLifetime))!;
            lifetime.ApplicationStopped.Register(() => _exited.TrySetResult(0));

            // WorkerTerminate makes the worker ask its host to stop; a process would then leave Main. Here, stop it.
            lifetime.ApplicationStopping.Register(() => Task.Run(StopAsync));
            _started = RunAsync();
        }

        public int? ProcessId => null;

        public Task<int> Exited => _exited.Task;

        public void Kill() => _ = StopAsync();

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _host.Dispose();
        }

        private async Task RunAsync()
        {
            try
            {
                await _host.StartAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException)
            {
                Console.Error.WriteLine($"In-process worker failed to start: {e}");
                _exited.TrySetResult(1);
            }
        }

        private async Task StopAsync()
        {
            await _started;
            if (_exited.Task.IsCompleted)
            {
                return;
            }

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
