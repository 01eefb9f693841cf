using Azure.Core;

namespace FuncLabel.Storage;

/// <summary>
/// Options shared by every Blob and Queue client: the REST version sent as <c>x-ms-version</c>,
/// retries, logging, the transport and the queue message encoding.
/// </summary>
/// <remarks>
/// The defaults retry up to 4 times with exponential back-off (0.8 s base, 30 s cap) on transport
/// errors and on 408, 429, 500, 502, 503 and 504 — Azure.Core's <see cref="ResponseClassifier"/>
/// — which covers the transient answers the Storage services document. Logging goes through
/// Azure.Core's logging policy: only the header and query names allowed below are written with their
/// values; <c>Authorization</c>, <c>sig</c> and <c>popreceipt</c> are never in the allow lists, so they
/// are logged as <c>REDACTED</c>.
/// </remarks>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>The REST version every request sends. 2022-11-02 is accepted by Azure and Azurite 3.2x+.</summary>
    public const string DefaultServiceVersion = "2022-11-02";

    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 4;
        Retry.Delay = TimeSpan.FromSeconds(0.8);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        foreach (var header in LoggedStorageHeaders)
        {
            Diagnostics.LoggedHeaderNames.Add(header);
        }

        foreach (var parameter in LoggedStorageQueryParameters)
        {
            Diagnostics.LoggedQueryParameters.Add(parameter);
        }
    }

    /// <summary>The <c>x-ms-version</c> sent on every request (and the <c>sv</c> of SAS URLs).</summary>
    public string ServiceVersion { get; set; } = DefaultServiceVersion;

    /// <summary>How queue message bodies are written on send and read on receive. Default: base64 of the bytes.</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>The clock for <c>x-ms-date</c> on SharedKey-signed requests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    private static readonly string[] LoggedStorageHeaders =
    [
        "x-ms-version", "x-ms-date", "x-ms-error-code", "x-ms-blob-type", "x-ms-range", "x-ms-request-server-encrypted",
        "x-ms-creation-time", "x-ms-lease-state", "x-ms-lease-status", "x-ms-time-next-visible", "x-ms-approximate-messages-count",
        "Content-Range", "Accept-Ranges", "Last-Modified", "If-None-Match", "If-Match",
    ];

    private static readonly string[] LoggedStorageQueryParameters =
    [
        "restype", "comp", "prefix", "marker", "maxresults", "include", "delimiter", "blockid",
        "numofmessages", "visibilitytimeout", "messagettl", "sv", "sr", "sp", "st", "se", "spr",
    ];
}
