namespace FuncLabel.LocalHost.Tests;

/// <summary>The command line, in particular the watcher-only form used next to <c>func start</c> (docs/local-host.md).</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("http://localhost:7071/runtime/webhooks/blobs", "http://localhost:7071/")]
    [InlineData("http://localhost:7071/runtime/webhooks/blobs/", "http://localhost:7071/")]
    [InlineData("http://localhost:7071", "http://localhost:7071/")]
    [InlineData("https://app.example.net/base/runtime/webhooks/blobs", "https://app.example.net/base/")]
    public void WatcherOnly_BlobWebhook_TheWebhookOrItsHost(string given, string expectedBase)
    {
        var command = CommandLine.Parse(["--watcher-only", "--script-root", "/tmp/app", "--blob-webhook", given, "--blob-webhook-code", "key"], out var error);

        Assert.Null(error);
        Assert.True(command!.WatcherOnly);
        Assert.Equal(new Uri(expectedBase), command.BlobWebhook);
        Assert.Equal("key", command.BlobWebhookCode);
    }

    [Theory]
    [InlineData("--blob-webhook", "not a url")]
    [InlineData("--blob-webhook", "http://localhost:7071/runtime/webhooks/blobs?functionName=x")]
    [InlineData("--port", "70000")]
    [InlineData("--handler", "x")]
    public void BadArguments_RefusedWithUsage(string name, string value)
    {
        Assert.Null(CommandLine.Parse([name, value], out var error));
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }
}
