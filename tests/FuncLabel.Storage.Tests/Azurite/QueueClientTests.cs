using System.Text;
using Azure;
using FuncLabel.Testing;

namespace FuncLabel.Storage.Tests.Azurite;

public sealed class QueueClientTests
{
    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_ReportsCreatedThenExisting()
    {
        var queue = AzuriteAccount.QueueService.GetQueueClient(UniqueName.For("create"));
        try
        {
            Assert.True((await queue.CreateIfNotExistsAsync()).Value);
            Assert.False((await queue.CreateIfNotExistsAsync()).Value);
        }
        finally
        {
            Assert.True((await queue.DeleteIfExistsAsync()).Value);
        }
    }

    [Fact]
    public async Task SendMessageAsync_Text_ArrivesBase64EncodedAndDecodes()
    {
        await using var test = await TestQueue.CreateAsync();
        const string json = "{\"blob\":\"in/photo one.jpg\",\"size\":\"é\"}";

        var receipt = (await test.Client.SendMessageAsync(json)).Value;
        var received = Assert.Single((await test.Client.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);

        Assert.Equal(receipt.MessageId, received.MessageId);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)), received.MessageText);
        Assert.Equal(json, received.Body.ToString());
        Assert.Equal(1, received.DequeueCount);
        Assert.True(received.NextVisibleOn > received.InsertedOn);
        Assert.True(received.ExpiresOn > received.InsertedOn.AddDays(6));
    }

    [Fact]
    public async Task ReceiveMessagesAsync_PlainJsonFromAnotherSender_BodyIsTheText()
    {
        await using var test = await TestQueue.CreateAsync();
        var plain = new QueueServiceClient(
            Emulators.StorageConnectionString, new StorageClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await plain.GetQueueClient(test.Client.Name).SendMessageAsync("{\"eventType\":\"Microsoft.Storage.BlobCreated\"}");

        var received = Assert.Single((await test.Client.ReceiveMessagesAsync()).Value);

        Assert.Equal("{\"eventType\":\"Microsoft.Storage.BlobCreated\"}", received.MessageText);
        Assert.Equal(received.MessageText, received.Body.ToString());
    }

    [Fact]
    public async Task ReceiveMessagesAsync_ManyWaiting_ReturnsUpToTheRequestedCount()
    {
        await using var test = await TestQueue.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await test.Client.SendMessageAsync($"m{i}");
        }

        var first = (await test.Client.ReceiveMessagesAsync(3, TimeSpan.FromMinutes(1))).Value;
        var rest = (await test.Client.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
        var none = (await test.Client.ReceiveMessagesAsync(32)).Value;

        Assert.Equal(3, first.Count);
        Assert.Equal(2, rest.Count);
        Assert.Empty(none);
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], first.Concat(rest).Select(m => m.Body.ToString()).Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task ReceiveMessagesAsync_CountOutOfRange_ThrowsBeforeSending(int count)
    {
        var queue = AzuriteAccount.QueueService.GetQueueClient("never-created");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(count));
    }

    [Fact]
    public async Task SendMessageAsync_VisibilityDelay_HidesTheMessageUntilThen()
    {
        await using var test = await TestQueue.CreateAsync();

        var receipt = (await test.Client.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromMinutes(10))).Value;
        var visibleNow = (await test.Client.ReceiveMessagesAsync(32)).Value;

        Assert.Empty(visibleNow);
        Assert.True(receipt.NextVisibleOn >= receipt.InsertedOn.AddMinutes(10));
    }

    [Fact]
    public async Task SendMessageAsync_TimeToLive_SetsExpiration()
    {
        await using var test = await TestQueue.CreateAsync();

        var hour = (await test.Client.SendMessageAsync("short", timeToLive: TimeSpan.FromHours(1))).Value;
        var forever = (await test.Client.SendMessageAsync("forever", timeToLive: Timeout.InfiniteTimeSpan)).Value;

        Assert.Equal(hour.InsertedOn.AddHours(1), hour.ExpiresOn);
        Assert.Equal(9999, forever.ExpiresOn.Year);
    }

    [Fact]
    public async Task DeleteMessageAsync_WithPopReceipt_RemovesItForGood()
    {
        await using var test = await TestQueue.CreateAsync();
        await test.Client.SendMessageAsync("done");
        var received = Assert.Single((await test.Client.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value);

        await test.Client.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the 1 s visibility timeout: a message still there would show

        var again = await Assert.ThrowsAsync<RequestFailedException>(
            () => test.Client.DeleteMessageAsync(received.MessageId, received.PopReceipt));
        Assert.Equal("MessageNotFound", again.ErrorCode);
        Assert.Empty((await test.Client.ReceiveMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task UpdateVisibilityAsync_ToZero_MakesItVisibleAgainWithNewReceipt()
    {
        await using var test = await TestQueue.CreateAsync();
        await test.Client.SendMessageAsync("retry me");
        var first = Assert.Single((await test.Client.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value);

        var update = (await test.Client.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero)).Value;
        var second = Assert.Single((await test.Client.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value);
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => test.Client.DeleteMessageAsync(first.MessageId, first.PopReceipt));

        Assert.NotEqual(first.PopReceipt, update.PopReceipt);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.Equal(400, stale.Status);
        Assert.Equal("PopReceiptMismatch", stale.ErrorCode);
        await test.Client.DeleteMessageAsync(second.MessageId, second.PopReceipt);
    }

    [Fact]
    public async Task UpdateVisibilityAsync_Extend_KeepsItHidden()
    {
        await using var test = await TestQueue.CreateAsync();
        await test.Client.SendMessageAsync("long job");
        var received = Assert.Single((await test.Client.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);

        var update = (await test.Client.UpdateVisibilityAsync(received.MessageId, received.PopReceipt, TimeSpan.FromMinutes(10))).Value;

        Assert.True(update.NextVisibleOn >= received.NextVisibleOn.AddMinutes(9));
        Assert.Empty((await test.Client.ReceiveMessagesAsync(32)).Value);
    }
}
