using System.Text;
using Azure.Storage.Queues;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Work;
using FuncLabel.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Storage;

/// <summary>
/// What the app puts on a queue is what the queue trigger reads back: the outbox's message goes out through the app's
/// registered <see cref="QueueServiceClient"/> and is decoded as host.json tells the trigger to
/// (<see cref="HostQueueTrigger"/>). The job and task tests go further: every message their queue functions handle
/// came this way.
/// </summary>
public sealed class QueueMessageEncodingTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    private const string TaskEvent = """{"kind":"task-submitted","projectId":"p-é","note":"ünïcode \u2713"}""";

    [Fact]
    public async Task OutboxMessage_SentByTheApp_DecodesUnderHostJsonToTheBodySent()
    {
        var queueName = UniqueName.For(WorkQueues.Default.TaskEvents);
        var entry = new QueueOutboxEntry { Id = "m1", CreatedAt = DateTimeOffset.UtcNow, Queue = queueName, Body = TaskEvent };

        await app.Services.GetRequiredService<OutboxRelay>().SendAsync([entry], CancellationToken.None);
        var queue = HostQueueTrigger.Wire.GetQueueClient(queueName);
        var received = Assert.Single((await queue.ReceiveMessagesAsync(32)).Value);
        await queue.DeleteAsync();

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(TaskEvent)), received.MessageText);
        Assert.Equal(TaskEvent, Encoding.UTF8.GetString(HostQueueTrigger.Decode(received)));
    }

    /// <summary>Why the app states the encoding: the SDK's default writes the text as is, which the trigger cannot decode.</summary>
    [Fact]
    public async Task SdkDefaultEncoding_WritesPlainText_WhichTheTriggerCannotDecode()
    {
        var queue = new QueueServiceClient(Emulators.StorageConnectionString).GetQueueClient(UniqueName.For("plain"));
        await queue.CreateAsync();

        await queue.SendMessageAsync(TaskEvent);
        var received = Assert.Single((await HostQueueTrigger.Wire.GetQueueClient(queue.Name).ReceiveMessagesAsync(32)).Value);
        await queue.DeleteAsync();

        Assert.Equal(TaskEvent, received.MessageText);
        Assert.Throws<FormatException>(() => HostQueueTrigger.Decode(received));
    }
}
