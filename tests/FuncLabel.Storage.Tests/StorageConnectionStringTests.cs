namespace FuncLabel.Storage.Tests;

public sealed class StorageConnectionStringTests
{
    [Fact]
    public void Parse_UseDevelopmentStorage_PointsAtAzuriteDefaults()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), parsed.QueueEndpoint);
        Assert.Equal("devstoreaccount1", parsed.Credential.AccountName);
    }

    [Fact]
    public void Parse_EmulatorScriptFormat_UsesExplicitEndpointsAndKeepsKeyPadding()
    {
        const string value =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            "BlobEndpoint=http://127.0.0.1:40445/devstoreaccount1;QueueEndpoint=http://127.0.0.1:39355/devstoreaccount1;TableEndpoint=http://127.0.0.1:40259/devstoreaccount1;";

        var parsed = StorageConnectionString.Parse(value);

        Assert.Equal(new Uri("http://127.0.0.1:40445/devstoreaccount1"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:39355/devstoreaccount1"), parsed.QueueEndpoint);
        var reference = new StorageSharedKeyCredential("devstoreaccount1", StorageConnectionString.DevelopmentAccountKey);
        Assert.Equal(reference.ComputeHmacSha256("x"), parsed.Credential.ComputeHmacSha256("x"));
    }

    [Fact]
    public void Parse_PortalFormWithSuffix_DerivesServiceHosts()
    {
        var parsed = StorageConnectionString.Parse(
            "DefaultEndpointsProtocol=https;AccountName=funclabeldata;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://funclabeldata.blob.core.chinacloudapi.cn"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("https://funclabeldata.queue.core.chinacloudapi.cn"), parsed.QueueEndpoint);
    }

    [Fact]
    public void Parse_NoSuffix_DefaultsToPublicCloud()
    {
        var parsed = StorageConnectionString.Parse("AccountName=funclabeldata;AccountKey=a2V5");

        Assert.Equal(new Uri("https://funclabeldata.blob.core.windows.net"), parsed.BlobEndpoint);
    }

    [Theory]
    [InlineData("AccountName=a")]
    [InlineData("AccountKey=a2V5")]
    [InlineData("BlobEndpoint=https://x.blob.core.windows.net;SharedAccessSignature=sv=2022")]
    [InlineData("AccountName=a;AccountKey=a2V5;BlobEndpoint=not a uri")]
    public void Parse_Incomplete_Throws(string value)
    {
        Assert.Throws<FormatException>(() => StorageConnectionString.Parse(value));
    }
}
