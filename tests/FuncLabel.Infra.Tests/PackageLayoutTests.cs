using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;

namespace FuncLabel.Infra.Tests;

/// <summary>
/// The package scripts/publish.sh builds is the .NET isolated worker's publish output, laid out as the Functions host
/// reads it (host.json, worker.config.json, functions.metadata, extensions.json and .azurefunctions/ at the root),
/// framework-dependent on the .NET that the template's Flex runtime provides, precompiled (ReadyToRun) for linux-x64,
/// with the host-side blob extension the Event Grid subscriptions' webhook needs, and the same in the zip.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class PackageLayoutTests(CompiledInfra infra, PublishedPackage package) : IClassFixture<PublishedPackage>
{
    /// <summary>A ReadyToRun image's PE machine is the target's machine XOR an OS value (Linux 0x7B79), so it does not load elsewhere.</summary>
    private const Machine LinuxX64ReadyToRun = (Machine)(0x8664 ^ 0x7B79);

    private const string BlobsExtensionName = "AzureStorageBlobs";

    [Fact]
    public void Publish_Succeeds()
    {
        Assert.True(package.Publish.ExitCode == 0, package.Publish.ToString());
    }

    [Fact]
    public void AppFolder_HasTheWorkersFilesAtTheRoot()
    {
        foreach (var file in new[] { "host.json", "worker.config.json", "functions.metadata", "extensions.json", WorkerAssembly() })
        {
            Assert.True(File.Exists(Path.Combine(package.AppFolder, file)), $"{file} is missing\n{package.Publish}");
        }

        Assert.True(Directory.Exists(Path.Combine(package.AppFolder, ".azurefunctions")), ".azurefunctions/ is missing");
    }

    [Fact]
    public void AppFolder_HasNoCustomHandlerLeftovers()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(package.AppFolder, "host.json")))!;

        Assert.Null(host["customHandler"]);
        Assert.Empty(Directory.EnumerateFiles(package.AppFolder, "function.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void FunctionsMetadata_ListsTheAppsFunctions()
    {
        var listed = JsonNode.Parse(File.ReadAllText(Path.Combine(package.AppFolder, "functions.metadata")))!.AsArray()
            .Select(f => (string)f!["name"]!);

        Assert.Equal(AppFunctionMetadata.All.Select(f => f.Name).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Worker_IsFrameworkDependentOnTheFlexRuntimesDotnet()
    {
        var worker = JsonNode.Parse(File.ReadAllText(Path.Combine(package.AppFolder, "worker.config.json")))!["description"]!;
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(package.AppFolder, Path.ChangeExtension(WorkerAssembly(), ".runtimeconfig.json"))))!;
        var flexVersion = Assert.Single(infra.OfType("Microsoft.Web/sites")).TextAt("properties.functionAppConfig.runtime.version")!;

        Assert.Equal("dotnet-isolated", (string?)worker["language"]);
        Assert.Equal("dotnet", (string?)worker["defaultExecutablePath"]);
        Assert.False(File.Exists(Path.Combine(package.AppFolder, "libcoreclr.so")), "the package carries a runtime: a self-contained publish");
        var frameworks = Assert.IsType<JsonArray>(runtimeConfig["runtimeOptions"]!["frameworks"]).Select(f => ((string)f!["name"]!, (string)f["version"]!)).ToList();
        Assert.Contains(frameworks, f => f.Item1 == "Microsoft.NETCore.App");
        Assert.Contains(frameworks, f => f.Item1 == "Microsoft.AspNetCore.App");
        Assert.All(frameworks, f => Assert.StartsWith(flexVersion + ".", f.Item2));
    }

    [Fact]
    public void Assemblies_AreReadyToRunForLinuxX64()
    {
        var app = Path.Combine(package.AppFolder, WorkerAssembly());
        var dependency = Path.Combine(package.AppFolder, "FuncLabel.Data.dll");

        Assert.All(new[] { app, dependency }, path =>
        {
            using var pe = new PEReader(File.OpenRead(path));
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{Path.GetFileName(path)} has no ReadyToRun code");
            Assert.Equal(LinuxX64ReadyToRun, pe.PEHeaders.CoffHeader.Machine);
        });
    }

    [Fact]
    public void Extensions_IncludeTheBlobExtensionTheSubscriptionsWebhookNeeds()
    {
        // The blob extension serves /runtime/webhooks/blobs and owns the blobs_extension system key that
        // infra/blob-subscriptions.bicep puts in the webhook URL; the SDK includes it when the app has a blob binding.
        var extensions = JsonNode.Parse(File.ReadAllText(Path.Combine(package.AppFolder, "extensions.json")))!["extensions"]!.AsArray();
        var listed = extensions.Select(e => (string)e!["name"]!).ToList();

        Assert.True(listed.Contains(BlobsExtensionName), $"extensions.json lists {string.Join(", ", listed)}, not {BlobsExtensionName}: the app has no blob binding\nThe app's functions with storage triggers:\n{AppFunctionMetadata.DescribeStorageTriggers()}");
        Assert.All(extensions, e => Assert.True(
            File.Exists(Path.Combine(package.AppFolder, (string)e!["hintPath"]!)),
            $"{e!["name"]}: {e["hintPath"]} is not in the package"));
    }

    [Fact]
    public void Zip_HasTheAppFoldersFilesAtItsRoot()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName).Order(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(package.AppFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(package.AppFolder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, entries);
        Assert.Contains("host.json", entries);
        Assert.Contains(entries, e => e.StartsWith(".azurefunctions/", StringComparison.Ordinal));
    }

    private string WorkerAssembly() =>
        (string)JsonNode.Parse(File.ReadAllText(Path.Combine(package.AppFolder, "worker.config.json")))!["description"]!["defaultWorkerPath"]!;
}
