using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using FuncLabel.LocalHost.App;
using FuncLabel.Testing;

namespace FuncLabel.LocalHost.Tests.Support;

/// <summary>
/// An app folder for one test: the TestHandler's host.json (with a unique host id) and the chosen functions'
/// function.json files, settings naming unique queues and containers, and a folder the handler records into.
/// Starts real local hosts on it (handler process, Azurite), on a free HTTP port.
/// </summary>
internal sealed class TestApp : IDisposable
{
    private static readonly string Template = Path.Combine(AppContext.BaseDirectory, "testapp");

    private TestApp(string root, Dictionary<string, string> settings, InvocationLog records)
    {
        Root = root;
        Settings = settings;
        Records = records;
    }

    public string Root { get; }

    /// <summary>The app settings the host gets (as if from local.settings.json); tests may change them before starting a host.</summary>
    public Dictionary<string, string> Settings { get; }

    public InvocationLog Records { get; }

    public string WorkQueue => Settings["WorkQueue"];

    public static TestApp Create(params string[] functions)
    {
        var root = Directory.CreateTempSubdirectory("funclabel-localhost-").FullName;
        var records = Path.Combine(root, "records");
        Directory.CreateDirectory(records);
        foreach (var function in functions)
        {
            Directory.CreateDirectory(Path.Combine(root, function));
            File.Copy(Path.Combine(Template, function, "function.json"), Path.Combine(root, function, "function.json"));
        }

        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(Template, "host.json")))!;
        host["id"] = UniqueName.For("h")[..20];
        File.WriteAllText(Path.Combine(root, "host.json"), host.ToJsonString());
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = Emulators.StorageConnectionString,
            ["TESTHANDLER_DLL"] = Path.Combine(AppContext.BaseDirectory, "FuncLabel.TestHandler.dll"),
            ["TESTHANDLER_RECORDS"] = records,
            ["WorkQueue"] = UniqueName.For("work"),
            ["TextQueue"] = UniqueName.For("text"),
            ["EmitQueue"] = UniqueName.For("emit"),
            ["OutQueue"] = UniqueName.For("out"),
            ["OutContainer"] = UniqueName.For("out"),
            ["TickSchedule"] = "*/2 * * * * *",
        };
        return new TestApp(root, settings, new InvocationLog(records));
    }

    /// <summary>Changes host.json (e.g. queue settings) before a host starts.</summary>
    public void EditHostJson(Action<JsonNode> edit)
    {
        var path = Path.Combine(Root, "host.json");
        var host = JsonNode.Parse(File.ReadAllText(path))!;
        edit(host);
        File.WriteAllText(path, host.ToJsonString());
    }

    public async Task<LocalFunctionsHost> StartHostAsync(CancellationToken cancellationToken = default)
    {
        var settings = AppSettings.Create(new Dictionary<string, string>(), Settings);
        var app = AppFolder.Load(Root, settings, out var problems)
                  ?? throw new InvalidOperationException("The test app does not load: " + string.Join("; ", problems));
        Assert.Empty(LocalFunctionsHost.Validate(app, settings));
        return await LocalFunctionsHost.StartAsync(
            new LocalHostOptions(app, settings) { Port = 0, DrainTimeout = TimeSpan.FromSeconds(20), RandomSeed = 7 },
            cancellationToken);
    }

    /// <summary>A client that writes and reads queue messages as the Functions trigger expects them: base64 of the bytes.</summary>
    public static QueueServiceClient Queues(QueueMessageEncoding encoding = QueueMessageEncoding.Base64) =>
        new(Emulators.StorageConnectionString, new QueueClientOptions { MessageEncoding = encoding });

    public static BlobServiceClient Blobs() => new(Emulators.StorageConnectionString);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A handler being killed may still hold a record file open; the temp folder is cleaned by the OS later.
        }
    }
}
