using Azure.Core;
using Azure.Core.Pipeline;
using FuncLabel.Storage.Pipeline;

namespace FuncLabel.Storage.Tests.Signing;

/// <summary>The fixed vectors of docs/storage-client.md, SharedKey signing (Azurite's well-known key).</summary>
public sealed class SharedKeyStringToSignTests
{
    private static readonly StorageSharedKeyCredential Key = new(
        StorageConnectionString.DevelopmentAccountName, StorageConnectionString.DevelopmentAccountKey);

    [Fact]
    public void For_GetBlob_MatchesProtocolVector()
    {
        var request = Request("http://127.0.0.1:10000/devstoreaccount1/uploads/photo.jpg");

        var stringToSign = SharedKeyStringToSign.For(request, "devstoreaccount1");

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Mon, 01 Jan 2024 00:00:00 GMT\nx-ms-version:2022-11-02\n/devstoreaccount1/devstoreaccount1/uploads/photo.jpg",
            stringToSign);
        Assert.Equal("YhJbNha+UrOeAHqbqa9+mFSVpljmzD/2neqBKnV4EB8=", Key.ComputeHmacSha256(stringToSign));
    }

    [Fact]
    public void For_ListBlobs_SortsAndDecodesQueryParameters()
    {
        var request = Request("http://127.0.0.1:10000/devstoreaccount1/uploads?restype=container&comp=list&prefix=in%2F&include=metadata");

        var stringToSign = SharedKeyStringToSign.For(request, "devstoreaccount1");

        Assert.EndsWith("/devstoreaccount1/devstoreaccount1/uploads\ncomp:list\ninclude:metadata\nprefix:in/\nrestype:container", stringToSign);
        Assert.Equal("rAOAcmYoJazxzXQJ1KeggQ3IBZrTrbwtfuUL8xiWjj8=", Key.ComputeHmacSha256(stringToSign));
    }

    [Fact]
    public void For_PutWithBody_SignsLengthTypeAndConditionLines()
    {
        var request = Request("http://127.0.0.1:10000/devstoreaccount1/uploads/photo%20one.txt");
        request.Method = RequestMethod.Put;
        request.Headers.SetValue("Content-Type", "text/plain");
        request.Headers.SetValue("If-None-Match", "*");
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Content = RequestContent.Create(new byte[11]);

        var stringToSign = SharedKeyStringToSign.For(request, "devstoreaccount1");

        Assert.Equal(
            "PUT\n\n\n11\n\ntext/plain\n\n\n\n*\n\n\nx-ms-blob-type:BlockBlob\nx-ms-date:Mon, 01 Jan 2024 00:00:00 GMT\nx-ms-version:2022-11-02\n" +
            "/devstoreaccount1/devstoreaccount1/uploads/photo%20one.txt",
            stringToSign);
    }

    private static Request Request(string uri)
    {
        var request = HttpPipelineBuilder.Build(new StorageClientOptions()).CreateRequest();
        request.Method = RequestMethod.Get;
        request.Uri.Reset(new Uri(uri));
        request.Headers.SetValue("x-ms-date", "Mon, 01 Jan 2024 00:00:00 GMT");
        request.Headers.SetValue("x-ms-version", "2022-11-02");
        return request;
    }
}
