using System.Collections.Concurrent;
using FuncLabel.LocalHost.Worker.Rpc;
using Grpc.Core;
using GrpcException = Grpc.Core.RpcException;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// One worker's open <c>EventStream</c>: requests go out one writer at a time, answers are matched to their request
/// (init and metadata by kind, loads by function id, invocations by invocation id), and <c>RpcLog</c> messages are
/// logged as they come. When the stream ends — the worker exited, crashed or closed it — every request still waiting
/// fails with <see cref="WorkerUnavailableException"/>.
/// </summary>
internal sealed class WorkerChannel
{
    private const string InitKey = "init";
    private const string MetadataKey = "metadata";

    private readonly IAsyncStreamReader<StreamingMessage> _requests;
    private readonly IServerStreamWriter<StreamingMessage> _responses;
    private readonly RpcLogWriter _logs;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _functionByInvocation = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkerChannel(string workerId, IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, RpcLogWriter logs)
    {
        WorkerId = workerId;
        _requests = requests;
        _responses = responses;
        _logs = logs;
    }

    public string WorkerId { get; }

    /// <summary>Completes when the stream has ended (never faults).</summary>
    public Task Completion => _completion.Task;

    /// <summary>Reads the stream until it ends or <see cref="Close"/> is called; the gRPC call lasts as long as this runs.</summary>
    public async Task RunAsync(CancellationToken callAborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(callAborted, _closing.Token);
        try
        {
            while (await _requests.MoveNext(stop.Token))
            {
                Dispatch(_requests.Current);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or GrpcException or InvalidOperationException)
        {
            // The stream ended: the worker went away, the call was aborted, or the host closed the channel.
        }
        finally
        {
            var ended = new WorkerUnavailableException($"The worker's stream (worker {WorkerId}) ended.");
            foreach (var (key, waiter) in _waiting)
            {
                if (_waiting.TryRemove(key, out _))
                {
                    waiter.TrySetException(ended);
                }
            }

            _completion.TrySetResult();
        }
    }

    /// <summary>Ends the stream from the host's side.</summary>
    public void Close() => _closing.Cancel();

    public async Task<WorkerInitResponse> InitializeAsync(WorkerInitRequest request, CancellationToken cancellationToken) =>
        (await RequestAsync(InitKey, new StreamingMessage { WorkerInitRequest = request }, cancellationToken)).WorkerInitResponse;

    public async Task<FunctionMetadataResponse> GetMetadataAsync(FunctionsMetadataRequest request, CancellationToken cancellationToken) =>
        (await RequestAsync(MetadataKey, new StreamingMessage { FunctionsMetadataRequest = request }, cancellationToken)).FunctionMetadataResponse;

    public async Task<FunctionLoadResponse> LoadAsync(FunctionLoadRequest request, CancellationToken cancellationToken) =>
        (await RequestAsync("load:" + request.FunctionId, new StreamingMessage { FunctionLoadRequest = request }, cancellationToken)).FunctionLoadResponse;

    /// <summary>
    /// Runs one invocation. If <paramref name="cancellationToken"/> fires first, the worker is told to cancel it
    /// (<c>InvocationCancel</c>) and this throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, string functionName, CancellationToken cancellationToken)
    {
        _functionByInvocation[request.InvocationId] = functionName;
        try
        {
            return (await RequestAsync("invoke:" + request.InvocationId, new StreamingMessage { InvocationRequest = request }, cancellationToken)).InvocationResponse;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !Completion.IsCompleted)
        {
            await TrySendAsync(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = request.InvocationId } });
            throw;
        }
        finally
        {
            _functionByInvocation.TryRemove(request.InvocationId, out _);
        }
    }

    /// <summary>Asks the worker to shut down within <paramref name="gracePeriod"/>; it answers by ending the stream and exiting.</summary>
    public Task TerminateAsync(TimeSpan gracePeriod) =>
        TrySendAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(gracePeriod) } });

    private async Task<StreamingMessage> RequestAsync(string key, StreamingMessage message, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_waiting.TryAdd(key, answer))
        {
            throw new InvalidOperationException($"A '{key}' request is already waiting for its answer.");
        }

        try
        {
            if (Completion.IsCompleted)
            {
                throw new WorkerUnavailableException($"The worker's stream (worker {WorkerId}) has ended.");
            }

            message.RequestId = Guid.NewGuid().ToString();
            await SendAsync(message, cancellationToken);
            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _waiting.TryRemove(new KeyValuePair<string, TaskCompletionSource<StreamingMessage>>(key, answer));
        }
    }

    private async Task SendAsync(StreamingMessage message, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await _responses.WriteAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or GrpcException)
        {
            throw new WorkerUnavailableException($"Could not write to the worker's stream (worker {WorkerId}): {e.Message}", e);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>A message whose delivery does not matter once the stream is gone (cancel, terminate).</summary>
    private async Task TrySendAsync(StreamingMessage message)
    {
        if (Completion.IsCompleted)
        {
            return;
        }

        try
        {
            await SendAsync(message, CancellationToken.None);
        }
        catch (WorkerUnavailableException)
        {
            // The worker is gone already: nothing left to tell it.
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        var key = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.WorkerInitResponse => InitKey,
            StreamingMessage.ContentOneofCase.FunctionMetadataResponse => MetadataKey,
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => "load:" + message.FunctionLoadResponse.FunctionId,
            StreamingMessage.ContentOneofCase.InvocationResponse => "invoke:" + message.InvocationResponse.InvocationId,
            _ => null,
        };
        if (key is not null)
        {
            if (_waiting.TryRemove(key, out var waiter))
            {
                waiter.TrySetResult(message);
            }

            return;
        }

        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            var log = message.RpcLog;
            _logs.Write(log, log.InvocationId is { Length: > 0 } id && _functionByInvocation.TryGetValue(id, out var function) ? function : null);
        }
    }
}

/// <summary>The worker is not connected (it exited, crashed or is restarting): what was asked of it did not happen.</summary>
internal sealed class WorkerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
