using FuncLabel.TestWorker;
using Microsoft.Extensions.Hosting;

// Run as its own process by the local host (worker.config.json); tests may also build the same host in-process.
using var host = TestWorkerHost.Build(args);
await host.RunAsync();
