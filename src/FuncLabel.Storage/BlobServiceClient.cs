using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using FuncLabel.Storage.Models;
using FuncLabel.Storage.Pipeline;
using FuncLabel.Storage.Sas;

namespace FuncLabel.Storage;

/// <summary>
/// The Blob service of one storage account: hands out container clients and issues user delegation keys.
/// Thread-safe; create one per account and keep it (it owns the HTTP pipeline).
/// </summary>
public sealed class BlobServiceClient
{
    internal BlobServiceClient(Uri serviceUri, StoragePipeline pipeline)
    {
        Uri = serviceUri;
        Pipeline = pipeline;
        AccountName = pipeline.SharedKey?.AccountName ?? StorageUris.AccountNameOf(serviceUri);
    }

    /// <summary>Signs every request with the account key (SharedKey).</summary>
    public BlobServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(serviceUri, StoragePipeline.WithSharedKey(credential, options))
    {
    }

    /// <summary>Sends an Entra ID bearer token (scope <c>https://storage.azure.com/.default</c>); HTTPS endpoints only.</summary>
    public BlobServiceClient(Uri serviceUri, TokenCredential credential, StorageClientOptions? options = null)
        : this(serviceUri, StoragePipeline.WithToken(credential, options))
    {
    }

    /// <summary>From a connection string with an account key (see <c>docs/storage-client.md</c> for the accepted forms).</summary>
    public BlobServiceClient(string connectionString, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options)
    {
    }

    private BlobServiceClient(StorageConnectionString parsed, StorageClientOptions? options)
        : this(parsed.BlobEndpoint, parsed.Credential, options)
    {
    }

    public Uri Uri { get; }

    public string AccountName { get; }

    /// <summary>True when requests are signed with the account key, so service SAS URLs can be signed locally.</summary>
    public bool CanSignWithAccountKey => Pipeline.SharedKey is not null;

    internal StoragePipeline Pipeline { get; }

    public BlobContainerClient GetBlobContainerClient(string containerName) => new(this, containerName);

    /// <summary>
    /// Lists at most one container: the cheapest authenticated call on the account, used by the health endpoint
    /// to prove the endpoint answers and the credential is accepted.
    /// </summary>
    public async Task<Response> ProbeAsync(CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Get, Uri);
        message.Request.Uri.AppendQuery("comp", "list");
        message.Request.Uri.AppendQuery("maxresults", "1");
        return await Pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
    }

    /// <summary>
    /// Get User Delegation Key (<c>POST ?restype=service&amp;comp=userdelegationkey</c>): a key for signing
    /// user-delegation SAS URLs, valid from <paramref name="startsOn"/> to <paramref name="expiresOn"/> (at most 7 days).
    /// Needs a token credential; the service refuses SharedKey for this operation.
    /// </summary>
    public async Task<Response<UserDelegationKey>> GetUserDelegationKeyAsync(
        DateTimeOffset startsOn, DateTimeOffset expiresOn, CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Post, Uri);
        message.Request.Uri.AppendQuery("restype", "service");
        message.Request.Uri.AppendQuery("comp", "userdelegationkey");
        var body = new XElement("KeyInfo",
            new XElement("Start", SasTime.Format(startsOn)),
            new XElement("Expiry", SasTime.Format(expiresOn)));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(BinaryData.FromString(body.ToString(SaveOptions.DisableFormatting)));
        var response = await Pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var root = XDocument.Load(response.ContentStream!).Root ?? throw new FormatException("Empty user delegation key.");
        string Text(string name) => root.Element(name)?.Value ?? throw new FormatException($"User delegation key without {name}.");
        var key = new UserDelegationKey(
            Text("SignedOid"), Text("SignedTid"), SasTime.Parse(Text("SignedStart")), SasTime.Parse(Text("SignedExpiry")),
            Text("SignedService"), Text("SignedVersion"), Text("Value"));
        return Response.FromValue(key, response);
    }
}
