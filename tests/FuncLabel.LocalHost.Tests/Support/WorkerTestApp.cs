using FuncLabel.LocalHost.App;
using Microsoft.Extensions.Logging;
using FuncLabel.LocalHost.Blobs;
using FuncLabel.LocalHost.Worker;
using FuncLabel.Testing;

namespace FuncLabel.LocalHost.Tests.Support;

/// <summary>
/// The test worker's build output (<c>testworker/</c> next to the tests) run by a real local host in worker mode, with
/// settings of its own: unique queues, containers and host id, a folder the worker records into, and every function
/// not named in <see cref="Create"/> disabled, so tests do not see each other's work.
/// </summary>
internal sealed class WorkerTestApp : IDisposable
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "testworker");

    private static readonly string[] AllFunctions = ["Asset", "Bytes", "Drip", "Echo", "Emit", "Forward", "GetItem", "Prelabel", "StartupTick", "Status", "Tick", "Work"];

    private WorkerTestApp(string work, Dictionary<string, string> settings, InvocationLog records)
    {
        Work = work;
        Settings = settings;
        Records = records;
    }

    /// <summary>A temporary folder of this test (records, extra files).</summary>
    public string Work { get; }

    public Dictionary<string, string> Settings { get; }

    public InvocationLog Records { get; }

    public LogLines Logs { get; } = new();

    public string HostId => Settings["AzureFunctionsWebHost__hostid"];

    public static WorkerTestApp Create(params string[] functions)
    {
        var work = Directory.CreateTempSubdirectory("funclabel-worker-").FullName;
        var records = Directory.CreateDirectory(Path.Combine(work, "records")).FullName;
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = Emulators.StorageConnectionString,
            ["AzureFunctionsWebHost__hostid"] = UniqueName.For("w")[..24],
            ["TESTWORKER_RECORDS"] = records,
            ["WorkQueue"] = UniqueName.For("work"),
            ["ForwardQueue"] = UniqueName.For("fwd"),
            ["EmitQueue"] = UniqueName.For("emit"),
            ["OutQueue"] = UniqueName.For("out"),
            ["OutContainer"] = UniqueName.For("out"),
            ["AssetContainer"] = UniqueName.For("assets"),
            ["PrelabelContainer"] = UniqueName.For("prelabels"),
            ["TickSchedule"] = "0 0 0 1 1 *",
        };
        foreach (var other in AllFunctions.Except(functions))
        {
            settings[$"AzureWebJobs.{other}.Disabled"] = "true";
        }

        return new WorkerTestApp(work, settings, new InvocationLog(records));
    }

    /// <summary>Starts a host on the test worker; <paramref name="watcher"/> is a blobwatcher.json text for this host.</summary>
    public async Task<LocalFunctionsHost> StartHostAsync(IWorkerLauncher? launcher = null, string? watcher = null, CancellationToken cancellationToken = default)
    {
        var settings = AppSettings.Create(new Dictionary<string, string>(), Settings);
        var app = AppFolder.Load(Folder, settings, out var problems)
                  ?? throw new InvalidOperationException("The test worker app does not load: " + string.Join("; ", problems));
        if (watcher is not null)
        {
            var path = Path.Combine(Work, BlobWatcherConfig.FileName);
            await File.WriteAllTextAsync(path, watcher, cancellationToken);
            var watcherProblems = new List<string>();
            app = app with { Watcher = BlobWatcherConfig.Read(path, settings, watcherProblems) };
            Assert.Empty(watcherProblems);
        }

        return await LocalFunctionsHost.StartAsync(
            new LocalHostOptions(app, settings)
            {
                Port = 0,
                DrainTimeout = TimeSpan.FromSeconds(20),
                RandomSeed = 7,
                WorkerLauncher = launcher,
                Logging = logging => logging.AddProvider(Logs),
            },
            cancellationToken);
    }

    /// <summary>A queue client as the trigger expects messages (base64 of the bytes), or the raw wire text.</summary>
    public static Azure.Storage.Queues.QueueClient Queue(string name, bool base64 = true) =>
        new(Emulators.StorageConnectionString, name, new Azure.Storage.Queues.QueueClientOptions
        {
            MessageEncoding = base64 ? Azure.Storage.Queues.QueueMessageEncoding.Base64 : Azure.Storage.Queues.QueueMessageEncoding.None,
        });

    public static Azure.Storage.Blobs.BlobContainerClient Container(string name) => new(Emulators.StorageConnectionString, name);

    /// <summary>Receives one message, waiting up to 30 s; fails the test otherwise.</summary>
    public static async Task<Azure.Storage.Queues.Models.QueueMessage> WaitForMessageAsync(Azure.Storage.Queues.QueueClient queue)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value is [var message])
                {
                    return message;
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // Not created yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No message arrived on '{queue.Name}'.");
        return null!;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // A worker being stopped may still hold a record file open; the temp folder is cleaned by the OS later.
        }
    }
}
