using FuncLabel.Storage.Sas;

namespace FuncLabel.Storage.Tests.Signing;

/// <summary>The fixed vector of docs/storage-client.md, Service SAS, and a create-only variant checked with Node's crypto.</summary>
public sealed class ServiceSasSignerTests
{
    private static readonly StorageSharedKeyCredential Key = new(
        StorageConnectionString.DevelopmentAccountName, StorageConnectionString.DevelopmentAccountKey);

    [Fact]
    public void Query_ReadSas_MatchesProtocolVector()
    {
        var sas = new BlobSasParameters(
            "devstoreaccount1", "uploads", "photo.jpg", BlobSasPermissions.Read, null,
            new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), "2022-11-02");

        Assert.Equal("r\n\n2030-01-01T00:00:00Z\n/blob/devstoreaccount1/uploads/photo.jpg\n\n\n\n2022-11-02\nb\n\n\n\n\n\n\n",
            ServiceSasSigner.StringToSign(sas));
        Assert.Equal(
            "sv=2022-11-02&sr=b&sp=r&se=2030-01-01T00%3A00%3A00Z&sig=%2FsIiVpgYurYLATVmzPZQgZOOATtzsPmhmETa3Yd7djU%3D",
            ServiceSasSigner.Query(sas, Key));
    }

    [Fact]
    public void Query_CreateOnlyNestedNameWithSpace_SignsUnencodedName()
    {
        var sas = new BlobSasParameters(
            "devstoreaccount1", "uploads", "in/photo one.jpg", BlobSasPermissions.Create, null,
            new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), "2022-11-02");

        Assert.Equal("c\n\n2030-01-01T00:00:00Z\n/blob/devstoreaccount1/uploads/in/photo one.jpg\n\n\n\n2022-11-02\nb\n\n\n\n\n\n\n",
            ServiceSasSigner.StringToSign(sas));
        Assert.EndsWith("&sig=" + Uri.EscapeDataString("dWYLDFObzOiuf6o/iCkhIZbW5ieBFZxIM8cNxNHcZuY="), ServiceSasSigner.Query(sas, Key));
    }

    [Theory]
    [InlineData(BlobSasPermissions.Read, "r")]
    [InlineData(BlobSasPermissions.Create, "c")]
    [InlineData(BlobSasPermissions.Delete | BlobSasPermissions.Read | BlobSasPermissions.Write | BlobSasPermissions.Create | BlobSasPermissions.Add, "racwd")]
    [InlineData(BlobSasPermissions.Write | BlobSasPermissions.Read, "rw")]
    public void PermissionText_AnyCombination_UsesCanonicalOrder(BlobSasPermissions permissions, string expected)
    {
        var sas = new BlobSasParameters("a", "c", "b", permissions, null, DateTimeOffset.UnixEpoch, "2022-11-02");

        Assert.Equal(expected, sas.PermissionText);
    }
}
