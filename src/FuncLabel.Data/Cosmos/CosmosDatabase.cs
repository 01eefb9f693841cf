using System.Diagnostics;
using System.Net;
using Azure.Core;
using Azure.Identity;
using FuncLabel.Domain.Serialization;
using Microsoft.Azure.Cosmos;

namespace FuncLabel.Data.Cosmos;

/// <summary>
/// FuncLabel's Cosmos DB database: the client (Gateway mode everywhere), start-up creation of the
/// containers of <see cref="ContainerDefinitions"/> when configured, and the health probe.
/// </summary>
internal sealed class CosmosDatabase : IDisposable
{
    private readonly CosmosClient _client;

    /// <param name="settings">Endpoint, key and database.</param>
    /// <param name="credential">Used when there is no key (Azure: the managed identity).</param>
    /// <param name="handlers">Request handlers in the client's pipeline (tests and benchmarks count round trips with <see cref="CosmosRequestCounter"/>).</param>
    public CosmosDatabase(CosmosSettings settings, TokenCredential? credential = null, IReadOnlyList<RequestHandler>? handlers = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(settings.Endpoint, nameof(settings.Endpoint));
        Settings = settings;
        var options = new CosmosClientOptions
        {
            // Gateway + LimitToEndpoint: the only mode the local server speaks, and fine in Azure for our volumes.
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            ApplicationName = "FuncLabel",
            UseSystemTextJsonSerializerWithOptions = FuncLabelJson.Options,
        };
        foreach (var handler in handlers ?? [])
        {
            options.CustomHandlers.Add(handler);
        }

        var endpoint = new Uri(settings.Endpoint);
        if (settings.AcceptLocalCertificate && endpoint.IsLoopback)
        {
            options.ServerCertificateCustomValidationCallback = (_, _, _) => true;
        }

        _client = string.IsNullOrEmpty(settings.Key)
            ? new CosmosClient(settings.Endpoint, credential ?? new DefaultAzureCredential(), options)
            : new CosmosClient(settings.Endpoint, settings.Key, options);
        Database = _client.GetDatabase(settings.DatabaseName);
    }

    public CosmosSettings Settings { get; }

    public Database Database { get; }

    public DocumentContainer Container(ContainerDefinition definition) => new(Database.GetContainer(definition.Name));

    /// <summary>Creates the database and every container if missing (idempotent).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await _client.CreateDatabaseIfNotExistsAsync(Settings.DatabaseName, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var definition in ContainerDefinitions.All)
        {
            await Database.CreateContainerIfNotExistsAsync(
                    new ContainerProperties(definition.Name, definition.PartitionKeyPath),
                    cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Reads the database resource: proves the endpoint answers and the database exists.</summary>
    public async Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await Database.ReadStreamAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK
                ? ProbeResult.Ok(watch.Elapsed)
                : ProbeResult.Failing(watch.Elapsed, $"database '{Settings.DatabaseName}': {(int)response.StatusCode} {response.StatusCode}");
        }
        catch (Exception e) when (e is CosmosException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Failing(watch.Elapsed, e.Message);
        }
    }

    public void Dispose() => _client.Dispose();
}
