using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using FuncLabel.Storage.Models;
using FuncLabel.Storage.Pipeline;
using FuncLabel.Storage.Xml;

namespace FuncLabel.Storage;

/// <summary>One blob container: create, delete, list, and blob clients for the blobs in it.</summary>
public sealed class BlobContainerClient
{
    internal BlobContainerClient(BlobServiceClient service, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Service = service;
        Name = name;
        Uri = StorageUris.Append(service.Uri, name);
    }

    public string Name { get; }

    public Uri Uri { get; }

    public BlobServiceClient Service { get; }

    internal StoragePipeline Pipeline => Service.Pipeline;

    public BlobClient GetBlobClient(string blobName) => new(this, blobName);

    /// <summary>Create Container; true when it was created, false when it already existed (409 <c>ContainerAlreadyExists</c>).</summary>
    public async Task<Response<bool>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = ContainerMessage(RequestMethod.Put);
        var response = await Pipeline.SendAsync(message, cancellationToken, 201, 409).ConfigureAwait(false);
        if (response.Status == 409 && ErrorCode(response) != "ContainerAlreadyExists")
        {
            throw await StoragePipeline.FailureAsync(response, cancellationToken).ConfigureAwait(false);
        }

        return Response.FromValue(response.Status == 201, response);
    }

    /// <summary>Delete Container; true when it was deleted, false when there was none (404).</summary>
    public async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = ContainerMessage(RequestMethod.Delete);
        var response = await Pipeline.SendAsync(message, cancellationToken, 202, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 202, response);
    }

    /// <summary>
    /// One page of List Blobs: blobs whose names start with <paramref name="prefix"/>, in name order, with their
    /// metadata, from <paramref name="continuationToken"/> (null for the first page), at most <paramref name="pageSize"/>
    /// (the service caps it at 5000).
    /// </summary>
    public async Task<Response<BlobPage>> GetBlobsPageAsync(
        string? prefix = null, string? continuationToken = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        using var message = ContainerMessage(RequestMethod.Get);
        var uri = message.Request.Uri;
        uri.AppendQuery("comp", "list");
        if (!string.IsNullOrEmpty(prefix))
        {
            uri.AppendQuery("prefix", prefix);
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            uri.AppendQuery("marker", continuationToken);
        }

        if (pageSize is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size, nameof(pageSize));
            uri.AppendQuery("maxresults", size.ToString(CultureInfo.InvariantCulture));
        }

        uri.AppendQuery("include", "metadata");
        var response = await Pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(BlobListXml.Parse(response.ContentStream!), response);
    }

    /// <summary>Every blob under <paramref name="prefix"/>, fetching pages of <paramref name="pageSize"/> as the caller enumerates.</summary>
    public async IAsyncEnumerable<BlobItem> GetBlobsAsync(
        string? prefix = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        do
        {
            var page = (await GetBlobsPageAsync(prefix, marker, pageSize, cancellationToken).ConfigureAwait(false)).Value;
            foreach (var item in page.Items)
            {
                yield return item;
            }

            marker = page.ContinuationToken;
        }
        while (marker is not null);
    }

    private HttpMessage ContainerMessage(RequestMethod method)
    {
        var message = Pipeline.CreateMessage(method, Uri);
        message.Request.Uri.AppendQuery("restype", "container");
        return message;
    }

    private static string? ErrorCode(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null;
}
