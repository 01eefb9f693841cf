using Azure.Storage.Queues;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Storage;
using FuncLabel.Testing;

namespace FuncLabel.Data.Tests;

/// <summary>A database of its own on the emulator, with every container, deleted afterwards.</summary>
public sealed class CosmosTestDatabase : IAsyncLifetime
{
    internal CosmosDatabase Database { get; } = new(new CosmosSettings
    {
        Endpoint = Emulators.CosmosEndpoint,
        Key = Emulators.CosmosKey,
        DatabaseName = UniqueName.For("db"),
    });

    internal OutboxFaults Faults { get; } = new();

    /// <summary>Queue messages in outboxes go to the Azurite started with the Cosmos server.</summary>
    public QueueServiceClient Queues { get; } = new(Emulators.StorageConnectionString, QueueMessageFormat.Options());

    internal OutboxRelay Relay => new(Database, Queues);

    internal StateWriter Writer => new(Database, Relay, Faults);

    public Task InitializeAsync() => Database.EnsureCreatedAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Database.Database.DeleteAsync();
        Database.Dispose();
    }
}
