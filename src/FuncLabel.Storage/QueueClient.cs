using System.Globalization;
using Azure;
using Azure.Core;
using FuncLabel.Storage.Models;
using FuncLabel.Storage.Pipeline;
using FuncLabel.Storage.Xml;

namespace FuncLabel.Storage;

/// <summary>One queue: create, send, receive, delete and re-time messages.</summary>
/// <remarks>
/// Message bodies are written as base64 of their bytes by default (<see cref="StorageClientOptions.MessageEncoding"/>),
/// which is what the Functions queue trigger reads; received bodies are decoded the same way.
/// </remarks>
public sealed class QueueClient
{
    internal QueueClient(QueueServiceClient service, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Service = service;
        Name = name;
        Uri = StorageUris.Append(service.Uri, name);
    }

    public string Name { get; }

    public Uri Uri { get; }

    public QueueServiceClient Service { get; }

    private StoragePipeline Pipeline => Service.Pipeline;

    /// <summary>Create Queue; true when it was created, false when it already existed (204).</summary>
    public async Task<Response<bool>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Put, Uri);
        var response = await Pipeline.SendAsync(message, cancellationToken, 201, 204).ConfigureAwait(false);
        return Response.FromValue(response.Status == 201, response);
    }

    /// <summary>Delete Queue; true when it was deleted, false when there was none.</summary>
    public async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Delete, Uri);
        var response = await Pipeline.SendAsync(message, cancellationToken, 204, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 204, response);
    }

    /// <summary>Put Message with UTF-8 text (base64 of its bytes on the wire by default).</summary>
    public Task<Response<SendReceipt>> SendMessageAsync(
        string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default) =>
        SendMessageAsync(BinaryData.FromString(messageText ?? throw new ArgumentNullException(nameof(messageText))),
            visibilityTimeout, timeToLive, cancellationToken);

    /// <summary>
    /// Put Message. <paramref name="visibilityTimeout"/> delays the first delivery (default: visible at once);
    /// <paramref name="timeToLive"/> is how long it is kept (default 7 days; <see cref="Timeout.InfiniteTimeSpan"/> = never expires).
    /// Both are sent in whole seconds. The encoded message must be at most 64 KiB (the service checks).
    /// </summary>
    public async Task<Response<SendReceipt>> SendMessageAsync(
        BinaryData message, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var http = Pipeline.CreateMessage(RequestMethod.Post, MessagesUri());
        if (visibilityTimeout is { } delay)
        {
            http.Request.Uri.AppendQuery("visibilitytimeout", Seconds(delay));
        }

        if (timeToLive is { } ttl)
        {
            http.Request.Uri.AppendQuery("messagettl", ttl == Timeout.InfiniteTimeSpan ? "-1" : Seconds(ttl));
        }

        http.Request.Headers.SetValue("Content-Type", "application/xml");
        http.Request.Content = RequestContent.Create(QueueXml.MessageBody(message, Pipeline.Options.MessageEncoding));
        var response = await Pipeline.SendAsync(http, cancellationToken, 201).ConfigureAwait(false);
        return Response.FromValue(QueueXml.ParseSendReceipt(response.ContentStream!), response);
    }

    /// <summary>
    /// Get Messages: up to <paramref name="maxMessages"/> (1–32) visible messages, hidden from other receivers for
    /// <paramref name="visibilityTimeout"/> (service default 30 s). An empty list when none is visible.
    /// </summary>
    public async Task<Response<IReadOnlyList<QueueMessage>>> ReceiveMessagesAsync(
        int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        if (maxMessages is < 1 or > 32)
        {
            throw Errors.MessageCount(maxMessages);
        }

        using var http = Pipeline.CreateMessage(RequestMethod.Get, MessagesUri());
        http.Request.Uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture));
        if (visibilityTimeout is { } timeout)
        {
            http.Request.Uri.AppendQuery("visibilitytimeout", Seconds(timeout));
        }

        var response = await Pipeline.SendAsync(http, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(QueueXml.ParseReceived(response.ContentStream!, Pipeline.Options.MessageEncoding), response);
    }

    /// <summary>Delete Message with the pop receipt of the receive that got it (404 <c>MessageNotFound</c> if it is stale).</summary>
    public async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var http = Pipeline.CreateMessage(RequestMethod.Delete, MessageUri(messageId));
        http.Request.Uri.AppendQuery("popreceipt", popReceipt);
        return await Pipeline.SendAsync(http, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>
    /// Update Message without a new body: the message becomes visible again after <paramref name="visibilityTimeout"/>
    /// (zero = now). Returns the new pop receipt; the old one stops working.
    /// </summary>
    public async Task<Response<UpdateReceipt>> UpdateVisibilityAsync(
        string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var http = Pipeline.CreateMessage(RequestMethod.Put, MessageUri(messageId));
        http.Request.Uri.AppendQuery("popreceipt", popReceipt);
        http.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout));
        var response = await Pipeline.SendAsync(http, cancellationToken, 204).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-popreceipt", out var newReceipt);
        var receipt = new UpdateReceipt(
            newReceipt ?? throw new RequestFailedException(response.Status, "Update Message returned no pop receipt."),
            ResponseFields.Date(response, "x-ms-time-next-visible"));
        return Response.FromValue(receipt, response);
    }

    private Uri MessagesUri() => StorageUris.Append(Service.Uri, Name, "messages");

    private Uri MessageUri(string messageId) => StorageUris.Append(Service.Uri, Name, "messages", messageId);

    private static string Seconds(TimeSpan time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(time, TimeSpan.Zero);
        return ((long)Math.Ceiling(time.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
