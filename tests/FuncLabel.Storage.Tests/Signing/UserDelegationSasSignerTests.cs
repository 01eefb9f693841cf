using FuncLabel.Storage.Models;
using FuncLabel.Storage.Sas;

namespace FuncLabel.Storage.Tests.Signing;

/// <summary>
/// A vector written from the REST documentation ("Create a user delegation SAS", version 2020-12-06 and later:
/// 24 fields) with the expected signature computed independently by Node's crypto.createHmac over the same string.
/// </summary>
public sealed class UserDelegationSasSignerTests
{
    private static readonly UserDelegationKey Key = new(
        "11111111-2222-3333-4444-555555555555",
        "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        new DateTimeOffset(2029, 12, 31, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero),
        "b",
        "2022-11-02",
        "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

    private static readonly BlobSasParameters ReadSas = new(
        "devstoreaccount1", "uploads", "in/photo one.jpg", BlobSasPermissions.Read,
        new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 1, 1, 0, 0, TimeSpan.Zero),
        "2022-11-02", Protocol: "https");

    [Fact]
    public void StringToSign_ReadSas_HasTheDocumentedTwentyFourFields()
    {
        const string expected =
            "r\n" + "2030-01-01T00:00:00Z\n" + "2030-01-01T01:00:00Z\n" + "/blob/devstoreaccount1/uploads/in/photo one.jpg\n" +
            "11111111-2222-3333-4444-555555555555\n" + "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\n" +
            "2029-12-31T00:00:00Z\n" + "2030-01-02T00:00:00Z\n" + "b\n" + "2022-11-02\n" +
            "\n\n\n" + // signedAuthorizedUserObjectId, signedUnauthorizedUserObjectId, signedCorrelationId
            "\n" + "https\n" + "2022-11-02\n" + "b\n" + // signedIP, signedProtocol, signedVersion, signedResource
            "\n\n" + // signedSnapshotTime, signedEncryptionScope
            "\n\n\n\n"; // rscc, rscd, rsce, rscl, (rsct empty, last)

        var stringToSign = UserDelegationSasSigner.StringToSign(ReadSas, Key);

        Assert.Equal(expected, stringToSign);
        Assert.Equal(24, stringToSign.Split('\n').Length);
    }

    [Fact]
    public void Signature_ReadSas_MatchesIndependentHmac()
    {
        Assert.Equal("E0HFz18r9OiUO0+kS7E9v85S6RHHYajfP27m5gQW9RY=", UserDelegationSasSigner.Signature(ReadSas, Key));
    }

    [Fact]
    public void Query_ReadSas_EchoesTheKeyFields()
    {
        Assert.Equal(
            "sv=2022-11-02&sr=b&sp=r&st=2030-01-01T00%3A00%3A00Z&se=2030-01-01T01%3A00%3A00Z" +
            "&skoid=11111111-2222-3333-4444-555555555555&sktid=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" +
            "&skt=2029-12-31T00%3A00%3A00Z&ske=2030-01-02T00%3A00%3A00Z&sks=b&skv=2022-11-02&spr=https" +
            "&sig=E0HFz18r9OiUO0%2Bk" + "S7E9v85S6RHHYajfP27m5gQW9RY%3D",
            UserDelegationSasSigner.Query(ReadSas, Key));
    }
}
