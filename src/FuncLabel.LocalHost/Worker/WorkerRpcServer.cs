using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// The gRPC endpoint workers connect to: cleartext HTTP/2 on a free loopback port, separate from the HTTP front door
/// (which is mapped only once the worker has said which functions it has). Messages of any size are accepted, as the
/// worker is told (<c>--functions-grpc-max-message-length</c>).
/// </summary>
internal sealed class WorkerRpcServer : IAsyncDisposable
{
    private readonly WebApplication _web;

    private WorkerRpcServer(WebApplication web, Uri address, WorkerStreams streams)
    {
        _web = web;
        Address = address;
        Streams = streams;
    }

    /// <summary>What the worker gets as <c>--functions-uri</c>, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    public WorkerStreams Streams { get; }

    public static async Task<WorkerRpcServer> StartAsync(ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, NoSignalsLifetime>();
        builder.Services.AddSingleton<RpcLogWriter>();
        builder.Services.AddSingleton<WorkerStreams>();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
            grpc.EnableDetailedErrors = true;
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var web = builder.Build();
        web.MapGrpcService<WorkerRpcService>();
        await web.StartAsync(cancellationToken);
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WorkerRpcServer(web, new Uri(address.EndsWith('/') ? address : address + "/"), web.Services.GetRequiredService<WorkerStreams>());
    }

    public async ValueTask DisposeAsync()
    {
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _web.StopAsync(quick.Token);
        await _web.DisposeAsync();
    }

    /// <summary>The caller owns Ctrl+C and SIGTERM (the CLI registers its own handlers; tests stop hosts themselves).</summary>
    private sealed class NoSignalsLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
