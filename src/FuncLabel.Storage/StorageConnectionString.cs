namespace FuncLabel.Storage;

/// <summary>
/// The parts of an Azure Storage connection string the Blob and Queue clients use.
/// </summary>
/// <remarks>
/// Three forms are understood, key names case-insensitive:
/// <list type="bullet">
/// <item><c>UseDevelopmentStorage=true</c>: Azurite on its default ports with the well-known account.</item>
/// <item>Explicit endpoints, as <c>tools/emulators/emulators.mjs</c> writes for Azurite on free ports:
/// <c>AccountName=…;AccountKey=…;BlobEndpoint=http://127.0.0.1:40445/devstoreaccount1;QueueEndpoint=…</c>.</item>
/// <item>The portal form <c>DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net</c>,
/// from which <c>https://{account}.blob.{suffix}</c> and <c>https://{account}.queue.{suffix}</c> are derived.</item>
/// </list>
/// Connection strings carrying a <c>SharedAccessSignature</c> instead of a key are not supported.
/// </remarks>
internal sealed record StorageConnectionString(Uri BlobEndpoint, Uri QueueEndpoint, StorageSharedKeyCredential Credential)
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Errors.ConnectionString($"'{part.Split('=')[0]}' has no value.");
            }

            // Only the first '=' separates: base64 keys end with '='.
            settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development) &&
            development.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageConnectionString(
                new Uri($"http://127.0.0.1:10000/{DevelopmentAccountName}"),
                new Uri($"http://127.0.0.1:10001/{DevelopmentAccountName}"),
                new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey));
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw Errors.ConnectionString("SharedAccessSignature connection strings are not supported; use an account key or a token credential.");
        }

        var accountName = Required(settings, "AccountName");
        var credential = new StorageSharedKeyCredential(accountName, Required(settings, "AccountKey"));
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new StorageConnectionString(
            Endpoint(settings, "BlobEndpoint", protocol, accountName, "blob", suffix),
            Endpoint(settings, "QueueEndpoint", protocol, accountName, "queue", suffix),
            credential);
    }

    private static Uri Endpoint(
        Dictionary<string, string> settings, string key, string protocol, string account, string service, string suffix)
    {
        if (settings.TryGetValue(key, out var explicitEndpoint))
        {
            return Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var uri)
                ? uri
                : throw Errors.ConnectionString($"{key} '{explicitEndpoint}' is not an absolute URI.");
        }

        return new Uri($"{protocol}://{account}.{service}.{suffix}");
    }

    private static string Required(Dictionary<string, string> settings, string key) =>
        settings.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw Errors.ConnectionString($"{key} is missing.");
}
