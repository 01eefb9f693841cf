using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;

namespace FuncLabel.Storage.Tests.Azurite;

/// <summary>Azure.Core's request log shows what helps debugging and never the signature or a pop receipt.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task RequestLog_SharedKeyQueueCalls_RedactsAuthorizationAndPopReceipt()
    {
        await using var test = await TestQueue.CreateAsync();
        var lines = new ConcurrentQueue<string>();
        await test.Client.SendMessageAsync("secret-free");
        var received = Assert.Single((await test.Client.ReceiveMessagesAsync()).Value);

        using (new AzureEventSourceListener((_, message) => lines.Enqueue(message), EventLevel.Verbose))
        {
            await test.Client.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        }

        var ours = lines.Where(l => l.Contains(test.Client.Name, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ours);
        Assert.Contains(ours, l => l.Contains("x-ms-version:" + StorageClientOptions.DefaultServiceVersion, StringComparison.Ordinal));
        Assert.Contains(ours, l => l.Contains("Authorization:REDACTED", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("SharedKey devstoreaccount1:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Uri.EscapeDataString(received.PopReceipt), StringComparison.Ordinal));
        Assert.Contains(ours, l => l.Contains("popreceipt=REDACTED", StringComparison.Ordinal));
    }
}
