using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FuncLabel.Storage.Pipeline;

/// <summary>
/// The one <see cref="HttpPipeline"/> of a service client, shared by the container, blob and queue clients it hands out,
/// with the credential that signs its requests.
/// </summary>
internal sealed class StoragePipeline
{
    /// <summary>The token scope of Azure Storage data-plane access (Blob and Queue alike).</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private StoragePipeline(HttpPipeline pipeline, StorageClientOptions options, StorageSharedKeyCredential? sharedKey)
    {
        Pipeline = pipeline;
        Options = options;
        SharedKey = sharedKey;
    }

    public HttpPipeline Pipeline { get; }

    public StorageClientOptions Options { get; }

    /// <summary>The account key when the client signs with SharedKey; null with a token credential.</summary>
    public StorageSharedKeyCredential? SharedKey { get; }

    public static StoragePipeline WithSharedKey(StorageSharedKeyCredential credential, StorageClientOptions? options)
    {
        var resolved = options ?? new StorageClientOptions();
        return new StoragePipeline(Build(resolved, new SharedKeySigningPolicy(credential, resolved.TimeProvider)), resolved, credential);
    }

    public static StoragePipeline WithToken(TokenCredential credential, StorageClientOptions? options)
    {
        var resolved = options ?? new StorageClientOptions();
        return new StoragePipeline(Build(resolved, new BearerTokenAuthenticationPolicy(credential, StorageScope)), resolved, null);
    }

    private static HttpPipeline Build(StorageClientOptions options, HttpPipelinePolicy authentication)
    {
        var pipelineOptions = new HttpPipelineOptions(options)
        {
            RequestFailedDetailsParser = StorageErrorParser.Instance,
        };
        pipelineOptions.PerRetryPolicies.Add(authentication);
        return HttpPipelineBuilder.Build(pipelineOptions);
    }

    /// <summary>A message for <paramref name="uri"/> with <c>x-ms-version</c> set; the caller adds query, headers and content.</summary>
    public HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue("x-ms-version", Options.ServiceVersion);
        return message;
    }

    /// <summary>
    /// Sends the message and returns its response when the status is one of <paramref name="expected"/>;
    /// otherwise throws <see cref="RequestFailedException"/> with the status and <c>x-ms-error-code</c>.
    /// </summary>
    public async ValueTask<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, params int[] expected)
    {
        await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (Array.IndexOf(expected, response.Status) >= 0)
        {
            return response;
        }

        throw await FailureAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds the exception for a failed response, reading an unbuffered error body first so its message is kept.</summary>
    public static async ValueTask<RequestFailedException> FailureAsync(Response response, CancellationToken cancellationToken)
    {
        if (response.ContentStream is { CanSeek: false } network)
        {
            var buffered = new MemoryStream();
            await network.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
            await network.DisposeAsync().ConfigureAwait(false);
            buffered.Position = 0;
            response.ContentStream = buffered;
        }

        return new RequestFailedException(response, null, StorageErrorParser.Instance);
    }
}
