using System.Collections.Concurrent;
using FuncLabel.LocalHost.Worker.Rpc;
using Grpc.Core;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// Pairs incoming <c>EventStream</c> calls with the workers the host started: a start registers its worker id, the
/// worker's first message (<c>StartStream</c>) names it, and the stream becomes that start's <see cref="WorkerChannel"/>.
/// A stream from a worker id nobody expects is refused.
/// </summary>
internal sealed class WorkerStreams(RpcLogWriter logs)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<WorkerChannel>> _expected = new(StringComparer.Ordinal);

    /// <summary>Waits for the stream of <paramref name="workerId"/>; dispose the registration when no longer waiting.</summary>
    public Expectation Expect(string workerId)
    {
        var arrival = new TaskCompletionSource<WorkerChannel>(TaskCreationOptions.RunContinuationsAsynchronously);
        _expected[workerId] = arrival;
        return new Expectation(arrival.Task, () => _expected.TryRemove(workerId, out _));
    }

    public WorkerChannel? Accept(string workerId, IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses)
    {
        if (!_expected.TryRemove(workerId, out var arrival))
        {
            return null;
        }

        var channel = new WorkerChannel(workerId, requests, responses, logs);
        return arrival.TrySetResult(channel) ? channel : null;
    }

    /// <summary>A registered wait for one worker's stream.</summary>
    internal sealed class Expectation(Task<WorkerChannel> arrival, Action forget) : IDisposable
    {
        public Task<WorkerChannel> Arrival { get; } = arrival;

        public void Dispose() => forget();
    }
}
