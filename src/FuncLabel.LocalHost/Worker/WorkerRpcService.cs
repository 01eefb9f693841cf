using FuncLabel.LocalHost.Worker.Rpc;
using Grpc.Core;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// The host side of the protocol's one RPC: the worker opens <c>EventStream</c> and speaks first with
/// <c>StartStream</c>; the call then stays open for the worker's life, read by its <see cref="WorkerChannel"/>.
/// </summary>
internal sealed class WorkerRpcService(WorkerStreams streams, ILoggerFactory loggers) : FunctionRpc.FunctionRpcBase
{
    private readonly ILogger _logger = loggers.CreateLogger("Host.Worker");

    public override async Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken))
        {
            return;
        }

        if (requestStream.Current.StartStream is not { } start)
        {
            _logger.LogWarning("A worker stream began with {Message} instead of StartStream; closing it", requestStream.Current.ContentCase);
            return;
        }

        var channel = streams.Accept(start.WorkerId, requestStream, responseStream);
        if (channel is null)
        {
            _logger.LogWarning("A stream from worker {WorkerId}, which this host did not start (or no longer waits for); closing it", start.WorkerId);
            return;
        }

        await channel.RunAsync(context.CancellationToken);
    }
}
