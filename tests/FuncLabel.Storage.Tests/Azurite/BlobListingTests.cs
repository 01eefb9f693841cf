namespace FuncLabel.Storage.Tests.Azurite;

public sealed class BlobListingTests
{
    [Fact]
    public async Task GetBlobsPageAsync_MoreThanOnePage_FollowsContinuationToTheEnd()
    {
        await using var test = await TestContainer.CreateAsync();
        var names = Enumerable.Range(0, 7).Select(i => $"in/item-{i:D2}.txt").ToList();
        foreach (var name in names.Append("out/other.txt"))
        {
            await test.Blob(name).UploadAsync(BinaryData.FromString(name));
        }

        var first = (await test.Client.GetBlobsPageAsync("in/", pageSize: 3)).Value;
        var second = (await test.Client.GetBlobsPageAsync("in/", first.ContinuationToken, 3)).Value;
        var third = (await test.Client.GetBlobsPageAsync("in/", second.ContinuationToken, 3)).Value;

        Assert.Equal(names[..3], first.Items.Select(b => b.Name));
        Assert.Equal(names[3..6], second.Items.Select(b => b.Name));
        Assert.Equal(names[6..], third.Items.Select(b => b.Name));
        Assert.NotNull(first.ContinuationToken);
        Assert.NotNull(second.ContinuationToken);
        Assert.Null(third.ContinuationToken);
    }

    [Fact]
    public async Task GetBlobsAsync_SmallPages_EnumeratesEveryBlobUnderPrefixWithProperties()
    {
        await using var test = await TestContainer.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await test.Blob($"p/{i}.json").UploadAsync(BinaryData.FromString(new string('x', i + 1)), new Models.BlobUploadOptions
            {
                ContentType = "application/json",
                Metadata = new Dictionary<string, string> { ["index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
        }

        await test.Blob("q/ignored.json").UploadAsync(BinaryData.FromString("{}"));

        var items = new List<Models.BlobItem>();
        await foreach (var item in test.Client.GetBlobsAsync("p/", pageSize: 2))
        {
            items.Add(item);
        }

        Assert.Equal(5, items.Count);
        Assert.All(items, item => Assert.Equal("application/json", item.ContentType));
        Assert.Equal([1L, 2, 3, 4, 5], items.Select(i => i.ContentLength));
        Assert.Equal(["0", "1", "2", "3", "4"], items.Select(i => i.Metadata["index"]));
        var properties = (await test.Blob("p/0.json").GetPropertiesAsync()).Value;
        Assert.Equal(properties.ETag, items[0].ETag);
    }

    [Fact]
    public async Task GetBlobsPageAsync_EmptyContainer_ReturnsNoItemsAndNoToken()
    {
        await using var test = await TestContainer.CreateAsync();

        var page = (await test.Client.GetBlobsPageAsync()).Value;

        Assert.Empty(page.Items);
        Assert.Null(page.ContinuationToken);
    }
}
