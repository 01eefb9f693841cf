using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FuncLabel.Testing;

namespace FuncLabel.LocalHost.Tests.Support;

/// <summary>
/// The real FuncLabel app folder — the isolated worker's <c>dotnet publish</c> output, built by
/// <c>scripts/build-app.sh</c> — run by the real local host executable as a separate process, on a free loopback port,
/// against the test's emulators and a Cosmos database of its own. The app folder is <c>FUNCLABEL_APP_DIR</c> when set
/// (an already built folder, to save the publish), else it is built once per test run into a temporary folder that
/// every host shares. Disposing stops the host with SIGTERM (graceful: it terminates its worker) and kills the whole
/// process tree if it has not exited within 30 s, so no process outlives the test.
/// </summary>
internal sealed partial class RealAppHost : IAsyncDisposable
{
    private static readonly SemaphoreSlim AppFolderGate = new(1, 1);
    private static string? sharedAppFolder;

    private readonly Process _process;
    private readonly string _workFolder;
    private readonly List<string> _output;

    private RealAppHost(Process process, string workFolder, string appFolder, Uri baseAddress, List<string> output)
    {
        _process = process;
        _workFolder = workFolder;
        AppFolder = appFolder;
        BaseAddress = baseAddress;
        _output = output;
    }

    public string AppFolder { get; }

    public Uri BaseAddress { get; }

    /// <summary>
    /// What the host (and the app through it) printed so far, for failure messages: every line but the routine HTTP
    /// request lines (answered below 500), which are the test's own polling and would bury the invocations, warnings
    /// and errors that explain a failure. The last 120 such lines, with a count of the request lines left out.
    /// </summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                var relevant = _output.Where(line => !RoutineRequestLine().IsMatch(line)).ToList();
                return $"({_output.Count - relevant.Count} HTTP request line(s) answered below 500 left out)\n" + string.Join('\n', relevant.TakeLast(120));
            }
        }
    }

    /// <summary>Every line the host printed so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>A forwarded request's log line with its status (<c>… GET /api/x → 404 in 3ms</c>), 1xx to 4xx.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@" → [1-4]\d\d in \d+ms$")]
    private static partial System.Text.RegularExpressions.Regex RoutineRequestLine();

    /// <summary>
    /// The report timers' schedule settings the app folder references (<c>%Reports__…Schedule%</c>), with the values
    /// infra/main.bicep deploys. The host refuses an app folder whose references do not resolve, so a test that does not
    /// care about reports gets these; a test that does sets its own (e.g. every few seconds).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReportScheduleDefaults { get; } = new Dictionary<string, string>
    {
        ["Reports__CredentialReportSchedule"] = "0 0 2 * * *",
        ["Reports__ExamReportSchedule"] = "0 15 2 * * *",
        ["Reports__QualityReportSchedule"] = "0 30 2 * * *",
    };

    public static async Task<RealAppHost> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        settings = ReportScheduleDefaults.Where(d => !settings.ContainsKey(d.Key)).Concat(settings).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var work = Directory.CreateTempSubdirectory("funclabel-realapp-").FullName;
        string appFolder;
        try
        {
            appFolder = Environment.GetEnvironmentVariable("FUNCLABEL_APP_DIR") is { Length: > 0 } prebuilt
                ? prebuilt
                : await SharedAppFolderAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Directory.Delete(work, recursive: true);
            throw;
        }

        var values = new JsonObject();
        foreach (var (name, value) in settings)
        {
            values[name] = value;
        }

        var settingsFile = Path.Combine(work, "local.settings.json");
        await File.WriteAllTextAsync(settingsFile, new JsonObject { ["IsEncrypted"] = false, ["Values"] = values }.ToJsonString(), cancellationToken);

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "FuncLabel.LocalHost.dll"), "--script-root", appFolder, "--settings", settingsFile, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // An environment variable wins over the settings file (as with Core Tools): set the same values there, so
        // nothing inherited from the test run (e.g. another AzureWebJobsStorage) can point the host elsewhere.
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var output = new List<string>();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Record(output, e.Data);
        process.ErrorDataReceived += (_, e) => Record(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RealAppHost(process, work, appFolder, new Uri($"http://127.0.0.1:{port}/"), output);
    }

    /// <summary>A development token signed with the settings' key, minted by the published app's own command.</summary>
    public async Task<string> MintTokenAsync(string user, bool admin, string signingKey, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppFolder, "FuncLabel.Functions.dll"), "mint-token", "--user", user, "--hours", "1" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (admin)
        {
            start.ArgumentList.Add("--admin");
        }

        start.Environment["Auth__DevSigningKey"] = signingKey;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("mint-token did not start");
        var token = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, "mint-token failed: " + await process.StandardError.ReadToEndAsync(cancellationToken));
        return token.Trim();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException) when (grace.IsCancellationRequested)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a just-stopped process; the temp folder is cleaned by the OS later.
        }
    }

    private static void Record(List<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }

    /// <summary>
    /// The app folder every host of this test run shares, built on first use: one publish instead of one per test (on
    /// two cores, parallel publishes took minutes each). Hosts only read it; each has its own settings and work folder.
    /// Deleted when the test process exits.
    /// </summary>
    private static async Task<string> SharedAppFolderAsync(CancellationToken cancellationToken)
    {
        await AppFolderGate.WaitAsync(cancellationToken);
        try
        {
            if (sharedAppFolder is null)
            {
                var work = Directory.CreateTempSubdirectory("funclabel-realapp-shared-").FullName;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(work);
                sharedAppFolder = await BuildAppFolderAsync(Path.Combine(work, "app"), work, cancellationToken);
            }

            return sharedAppFolder;
        }
        finally
        {
            AppFolderGate.Release();
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Still in use at exit; the OS cleans temporary folders later.
        }
    }

    /// <summary>Runs scripts/build-app.sh into <paramref name="output"/>, with build artifacts kept in the temp folder.</summary>
    private static async Task<string> BuildAppFolderAsync(string output, string work, CancellationToken cancellationToken)
    {
        var root = RepoRoot();
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(root, "scripts", "build-app.sh"), output, "--artifacts-path", Path.Combine(work, "build") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, "build-app.sh failed:\n" + await stdout + await stderr);
        return output;
    }

    /// <summary>The repository this file was compiled from (test binaries may live under any --artifacts-path).</summary>
    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
