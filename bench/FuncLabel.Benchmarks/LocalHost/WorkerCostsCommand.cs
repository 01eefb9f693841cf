using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using FuncLabel.LocalHost;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Invocation;
using FuncLabel.LocalHost.Worker;

namespace FuncLabel.Benchmarks.LocalHost;

/// <summary>
/// <c>worker-costs APP_DIR CONNECTION_STRING [STARTS] [CALLS] [OUTPUT.md]</c>: the local host in worker mode on the test
/// worker's build output (tests/FuncLabel.TestWorker). STARTS times (default 5) it starts a host — a worker process,
/// the gRPC handshake — and records the worker's handshake timings; on the last host it then measures warm costs, CALLS
/// each (default 1000, after 100 warm-up calls), one at a time: an HTTP GET proxied through the host to the worker's
/// ASP.NET Core function (<c>GetItem</c>, keep-alive client on loopback), and a queue-trigger invocation sent straight
/// on the worker channel (<c>Work</c>: gRPC round trip plus the function body, which writes two small record files;
/// Azurite polling not included). Run by bench/localhost-worker.sh.
/// </summary>
internal static class WorkerCostsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var appDir, var connection, ..])
        {
            Console.Error.WriteLine("usage: worker-costs APP_DIR CONNECTION_STRING [STARTS] [CALLS] [OUTPUT.md]");
            return 2;
        }

        var starts = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var calls = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000;
        var output = args.Length > 4 ? args[4] : null;
        var records = Directory.CreateTempSubdirectory("worker-costs-").FullName;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = connection,
            ["AzureFunctionsWebHost__hostid"] = "bench-worker-costs",
            ["TESTWORKER_RECORDS"] = records,
            ["WorkQueue"] = "bench-work",
            ["ForwardQueue"] = "bench-forward",
            ["EmitQueue"] = "bench-emit",
            ["OutQueue"] = "bench-out",
            ["OutContainer"] = "bench-out",
            ["AssetContainer"] = "bench-assets",
            ["PrelabelContainer"] = "bench-prelabels",
            ["TickSchedule"] = "0 0 0 1 1 *",
        };
        var settings = AppSettings.Create(new Dictionary<string, string>(), values);
        var app = AppFolder.Load(appDir, settings, out var problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
        var report = new StringBuilder()
            .AppendLine("| start | stream opened ms | init ms | metadata ms | functions loaded ms | HTTP endpoint ready ms | host ready ms |")
            .AppendLine("|---|---|---|---|---|---|---|");
        LocalFunctionsHost? host = null;
        try
        {
            for (var i = 1; i <= starts; i++)
            {
                if (host is not null)
                {
                    await host.DisposeAsync();
                }

                var clock = Stopwatch.StartNew();
                host = await LocalFunctionsHost.StartAsync(new LocalHostOptions(app, settings) { Port = 0, Logging = l => l.SetMinimumLevel(LogLevel.Warning) }, CancellationToken.None);
                var ready = clock.ElapsedMilliseconds;
                var t = (await host.Worker!.WaitReadyAsync(CancellationToken.None)).Timings;
                report.AppendLine(CultureInfo.InvariantCulture, $"| {i} | {t.StreamOpened} | {t.Initialized} | {t.MetadataReceived} | {t.FunctionsLoaded} | {t.HttpReady} | {ready} |");
            }

            var http = await HttpAsync(host!, calls);
            var queue = await QueueAsync(host!, calls);
            report.AppendLine()
                .AppendLine("| warm, one at a time | calls | median µs | p90 µs | p99 µs | mean µs |")
                .AppendLine("|---|---|---|---|---|---|")
                .AppendLine(Row("HTTP GET proxied (GetItem)", http))
                .AppendLine(Row("queue invocation on the channel (Work)", queue));
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            Directory.Delete(records, recursive: true);
        }

        Console.Out.Write(report);
        if (output is not null)
        {
            await File.AppendAllTextAsync(output, report.ToString());
        }

        return 0;
    }

    private static async Task<List<double>> HttpAsync(LocalFunctionsHost host, int calls)
    {
        using var client = new HttpClient { BaseAddress = host.HttpAddress };
        var samples = new List<double>();
        for (var i = -100; i < calls; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync("api/items/bench/1");
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (i >= 0)
            {
                samples.Add(clock.Elapsed.TotalMicroseconds);
            }
        }

        return samples;
    }

    private static async Task<List<double>> QueueAsync(LocalFunctionsHost host, int calls)
    {
        var session = await host.Worker!.WaitReadyAsync(CancellationToken.None);
        var function = host.App.Functions.Single(f => f.Name == "Work");
        var samples = new List<double>();
        for (var i = -100; i < calls; i++)
        {
            var body = Encoding.UTF8.GetBytes($$"""{"key":"bench-{{i}}"}""");
            var now = DateTimeOffset.UtcNow;
            var request = new InvocationRequest(
                function,
                "bench",
                new QueueTriggerInput(body, Encoding.UTF8.GetString(body), Guid.NewGuid().ToString(), "receipt", 1, now, now.AddDays(7), now.AddMinutes(10)),
                new Dictionary<string, string>());
            var clock = Stopwatch.StartNew();
            var rpc = WorkerInvocation.Create(request, session.FunctionId("Work"), now);
            var response = await session.Channel.InvokeAsync(rpc, "Work", CancellationToken.None);
            if (response.Result.Status != FuncLabel.LocalHost.Worker.Rpc.StatusResult.Types.Status.Success)
            {
                throw new InvalidOperationException("Work failed: " + response.Result.Exception?.Message);
            }

            if (i >= 0)
            {
                samples.Add(clock.Elapsed.TotalMicroseconds);
            }
        }

        return samples;
    }

    private static string Row(string what, List<double> samples)
    {
        samples.Sort();
        double At(double q) => samples[(int)Math.Min(samples.Count - 1, Math.Floor(q * samples.Count))];
        return string.Create(CultureInfo.InvariantCulture, $"| {what} | {samples.Count} | {At(0.5):F0} | {At(0.9):F0} | {At(0.99):F0} | {samples.Average():F0} |");
    }
}
