using System.IO.Compression;
using System.Text.Json.Nodes;
using FuncLabel.Data;
using System.Runtime.Versioning;
using FunctionList = FuncLabel.Functions.Declarations.Functions;

namespace FuncLabel.Infra.Tests;

/// <summary>
/// The package scripts/publish.sh builds has the layout the Functions host expects (docs/local-host.md, Handler launch and readiness):
/// host.json at the root, one folder with a function.json per declared function, and the handler that host.json's
/// <c>customHandler.description.defaultExecutablePath</c> names, executable, in the folder and in the zip.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PackageLayoutTests(PublishedPackage package) : IClassFixture<PublishedPackage>
{
    /// <summary>Unix permission bits a zip entry made on Unix keeps in the high 16 bits of its external attributes.</summary>
    private const int OwnerExecute = 0b001_000_000;

    private const string HandlerFolder = "app";

    [Fact]
    public void Publish_Succeeds()
    {
        Assert.True(package.Publish.ExitCode == 0, package.Publish.ToString());
    }

    [Fact]
    public void AppFolder_HasHostJsonAtTheRoot()
    {
        Assert.True(File.Exists(Path.Combine(package.AppFolder, "host.json")), package.Publish.ToString());
    }

    [Fact]
    public void AppFolder_HasOneFunctionFolderPerDeclaredFunction()
    {
        var folders = Directory.GetDirectories(package.AppFolder).Select(Path.GetFileName).Where(f => f != HandlerFolder);

        Assert.Equal(FunctionList.All.Select(f => f.Name).Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));
        Assert.All(FunctionList.All, f => Assert.True(File.Exists(Path.Combine(package.AppFolder, f.Name, "function.json")), f.Name));
    }

    [Fact]
    public void QueueTriggers_ListenOnQueuesTheInfrastructureCreates()
    {
        var queueNames = FunctionList.All
            .Select(f => JsonNode.Parse(File.ReadAllText(Path.Combine(package.AppFolder, f.Name, "function.json")))!)
            .SelectMany(json => json["bindings"]!.AsArray())
            .Where(b => (string?)b!["type"] == "queueTrigger")
            .Select(b => (string)b!["queueName"]!);

        Assert.All(queueNames, q => Assert.Contains(q, StorageNames.Queues.All));
    }

    [Fact]
    public void Handler_NamedInHostJsonIsPresentAndExecutable()
    {
        var handler = Path.Combine(package.AppFolder, HandlerPath());

        Assert.True(File.Exists(handler), $"{handler} is missing");
        Assert.True(File.GetUnixFileMode(handler).HasFlag(UnixFileMode.UserExecute), $"{handler} is not executable");
    }

    [Fact]
    public void Handler_IsSelfContained()
    {
        var handlerDirectory = Path.GetDirectoryName(Path.Combine(package.AppFolder, HandlerPath()))!;

        // A self-contained app carries the runtime next to it: the worker needs no .NET installation.
        Assert.True(File.Exists(Path.Combine(handlerDirectory, "libcoreclr.so")), "libcoreclr.so is missing: not a self-contained linux-x64 publish");
    }

    [Fact]
    public void Zip_HasTheSameLayoutWithTheHandlerExecutable()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var entries = zip.Entries.ToDictionary(e => e.FullName, StringComparer.Ordinal);

        Assert.Contains("host.json", entries.Keys);
        Assert.All(FunctionList.All, f => Assert.Contains($"{f.Name}/function.json", entries.Keys));
        var handler = entries[HandlerPath().Replace('\\', '/')];
        Assert.True(((handler.ExternalAttributes >> 16) & OwnerExecute) != 0, $"{handler.FullName} lost its executable bit in the zip");
    }

    private string HandlerPath()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(package.AppFolder, "host.json")))!;
        return (string)host["customHandler"]!["description"]!["defaultExecutablePath"]!;
    }
}
