using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using FuncLabel.Data.Cosmos;

namespace FuncLabel.Data.Tests;

/// <summary>
/// <see cref="ConditionalUpdate"/> against the Cosmos DB server: writers racing on one document (creates that collide,
/// then replaces on a shared ETag), a writer that never wins, and a decision that writes nothing.
/// </summary>
public sealed class ConditionalUpdateTests(CosmosTestDatabase db) : IClassFixture<CosmosTestDatabase>
{
    /// <summary>Longer than any round takes on a loaded machine; a writer stuck past it fails the test instead of hanging it.</summary>
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(2);

    private readonly DocumentContainer _documents = db.Database.Container(ContainerDefinitions.Projects);
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task RunAsync_WritersInLockstep_OneWinnerPerRoundAndEveryWriterWithinTheBound()
    {
        const int writers = ConditionalUpdate.MaxRounds;
        var pk = NewPartition();
        var lockstep = new Lockstep(writers);
        var roundsOf = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            var name = $"writer-{i}";
            try
            {
                return await ConditionalUpdate.RunAsync(
                    "tally " + pk,
                    ct => _documents.ReadAsync<TallyDocument>(pk, TallyDocument.DocumentId, ct),
                    async (current, ct) =>
                    {
                        // Every writer still racing has read before anyone writes: they all hold the same version.
                        await lockstep.ArriveAsync(roundsOf.AddOrUpdate(name, 1, (_, n) => n + 1)).WaitAsync(StuckAfter, ct);
                        var next = new TallyDocument { Id = TallyDocument.DocumentId, Pk = pk, Writers = [.. current?.Writers ?? [], name] };
                        return UpdateDecision.Write(ct => current is null ? _documents.CreateAsync(next, ct) : _documents.ReplaceAsync(next, current.ETag!, ct));
                    },
                    _ct);
            }
            finally
            {
                lockstep.Leave();
            }
        })));

        Assert.Equal(Enumerable.Range(1, writers), roundsOf.Values.Order()); // round r: exactly one winner, the rest go on
        var stored = await _documents.ReadAsync<TallyDocument>(pk, TallyDocument.DocumentId, _ct);
        Assert.Equal(roundsOf.OrderBy(w => w.Value).Select(w => w.Key), stored!.Writers); // no write lost, in the order won
        Assert.Equal(stored.Writers, results.MaxBy(r => r.Writers.Count)!.Writers);
    }

    [Fact]
    public async Task RunAsync_AnotherWriterWinsEveryRound_GivesUpAfterMaxRounds()
    {
        var pk = NewPartition();
        await _documents.CreateAsync(new TallyDocument { Id = TallyDocument.DocumentId, Pk = pk, Writers = [] }, _ct);
        int decisions = 0;

        var error = await Assert.ThrowsAsync<ConcurrentChangeException>(() => ConditionalUpdate.RunAsync(
            "tally " + pk,
            ct => _documents.ReadAsync<TallyDocument>(pk, TallyDocument.DocumentId, ct),
            async (current, ct) =>
            {
                decisions++;

                // A rival writes between this writer's read and its write, every time.
                var rival = await _documents.ReplaceAsync(current! with { Writers = [.. current.Writers, "rival"] }, current.ETag!, ct);
                Assert.True(rival.Succeeded);
                return UpdateDecision.Write(ct => _documents.ReplaceAsync(current with { Writers = [.. current.Writers, "loser"] }, current.ETag!, ct));
            },
            _ct));

        Assert.Equal((ConditionalUpdate.MaxRounds, ConditionalUpdate.MaxRounds), (error.Rounds, decisions));
        var stored = await _documents.ReadAsync<TallyDocument>(pk, TallyDocument.DocumentId, _ct);
        Assert.Equal(Enumerable.Repeat("rival", ConditionalUpdate.MaxRounds), stored!.Writers);
    }

    [Fact]
    public async Task RunAsync_DecisionDone_WritesNothingAndReturnsItsResult()
    {
        var pk = NewPartition();
        var created = await _documents.CreateAsync(new TallyDocument { Id = TallyDocument.DocumentId, Pk = pk, Writers = ["first"] }, _ct);

        var result = await ConditionalUpdate.RunAsync(
            "tally " + pk,
            ct => _documents.ReadAsync<TallyDocument>(pk, TallyDocument.DocumentId, ct),
            current => current!.Writers.Contains("first")
                ? UpdateDecision.Done("already there")
                : UpdateDecision.Write(ct => _documents.ReplaceAsync(current with { Writers = ["first"] }, current.ETag!, ct), _ => "written"),
            _ct);

        Assert.Equal("already there", result);
        Assert.Equal(created.Value.ETag, (await _documents.ReadAsync<TallyDocument>(pk, TallyDocument.DocumentId, _ct))!.ETag);
    }

    private static string NewPartition() => "tally-" + Guid.NewGuid().ToString("N")[..12];

    private sealed record TallyDocument : CosmosDocument
    {
        public const string DocumentId = "tally";

        public override string DocType => "tally";

        [JsonPropertyName("writers")]
        public required IReadOnlyList<string> Writers { get; init; }
    }

    /// <summary>
    /// Holds each writer arriving at round r until every writer still racing has arrived (writers that won leave), so
    /// all of a round's writes carry the ETag of the same read.
    /// </summary>
    private sealed class Lockstep(int writers)
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<int, (int Arrived, TaskCompletionSource Open)> _rounds = [];
        private int _racing = writers;

        public Task ArriveAsync(int round)
        {
            lock (_lock)
            {
                var (arrived, open) = _rounds.GetValueOrDefault(round, (0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
                _rounds[round] = (arrived + 1, open);
                OpenFull();
                return open.Task;
            }
        }

        public void Leave()
        {
            lock (_lock)
            {
                _racing--;
                OpenFull();
            }
        }

        private void OpenFull()
        {
            foreach (var (arrived, open) in _rounds.Values)
            {
                if (arrived >= _racing)
                {
                    open.TrySetResult();
                }
            }
        }
    }
}
