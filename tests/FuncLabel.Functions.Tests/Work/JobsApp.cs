using FuncLabel.Data.Assets;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Work;
using FuncLabel.Functions.Invocation;
using FuncLabel.Functions.Tests.Hosting;
using FuncLabel.Functions.Tests.Storage;
using FuncLabel.Functions.Work;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Work;

/// <summary>
/// The real app (<see cref="WorkerApp"/>) with seeded claim randomness and a count of its Cosmos requests.
/// <see cref="PumpAsync"/> plays the Functions host for <c>job-launch</c> and <c>task-events</c>: it receives messages
/// from the app's own storage account, decodes them as host.json tells the queue trigger to
/// (<see cref="HostQueueTrigger"/>) and runs the real queue functions, optionally delivering each one twice.
/// </summary>
public sealed class JobsApp() : WorkerApp("jobs")
{
    /// <summary>Counts the app's Cosmos requests (round trips per API call, profiles).</summary>
    internal CosmosRequestCounter Requests { get; } = new();

    protected override void Configure(IDictionary<string, string> settings) => settings["Work__ClaimSeed"] = "42";

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton(provider => new CosmosDatabase(provider.GetRequiredService<CosmosSettings>(), null, [Requests]));
    }

    /// <summary>Stores assets as ingestion would (one version each, 640 × 480).</summary>
    internal async Task<List<AssetDocument>> SeedAssetsAsync(string projectId, int count)
    {
        var assets = new List<AssetDocument>();
        var container = Cosmos.Container(ContainerDefinitions.Assets);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var path = $"images/{i:D4}.png";
            var asset = new AssetDocument
            {
                Id = Domain.Ingestion.HashedIds.AssetId(projectId, path),
                Pk = projectId,
                ProjectId = projectId,
                GlobalKey = path,
                Current = new AssetVersion(1, $"{i:x64}", 1000, "image/png", 640, 480, null, "etag", Time.GetUtcNow()),
                CreatedAt = Time.GetUtcNow(),
            };
            asset = asset with { Versions = [asset.Current!] };
            Assert.True((await container.CreateAsync(asset, ct)).Succeeded);
            lock (assets)
            {
                assets.Add(asset);
            }
        });
        return assets;
    }

    /// <summary>Runs the queue functions on every message of both queues until they stay empty; returns the number handled.</summary>
    public async Task<int> PumpAsync(bool deliverTwice = false, CancellationToken cancellationToken = default)
    {
        int handled = 0;
        var queues = HostQueueTrigger.Wire(StorageConnectionString);
        var names = Services.GetRequiredService<WorkQueues>();
        bool any = true;
        while (any && !cancellationToken.IsCancellationRequested)
        {
            any = false;
            foreach (var name in new[] { names.JobLaunch, names.TaskEvents })
            {
                var queue = queues.GetQueueClient(name);
                await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken)).Value;
                await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (message, ct) =>
                {
                    for (int delivery = 1; delivery <= (deliverTwice ? 2 : 1); delivery++)
                    {
                        await using var scope = Services.CreateAsyncScope();
                        IQueueFunction function = name == names.JobLaunch
                            ? scope.ServiceProvider.GetRequiredService<JobLaunchFunction>()
                            : scope.ServiceProvider.GetRequiredService<TaskEventsFunction>();
                        await function.HandleAsync(new QueueInvocation(Guid.NewGuid().ToString(), HostQueueTrigger.Decode(message), message.MessageId, delivery, message.InsertedOn), ct);
                    }

                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                    Interlocked.Increment(ref handled);
                });
                any |= messages.Length > 0;
            }
        }

        return handled;
    }
}
