using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace BareWorker;

/// <summary>The one function: an anonymous GET that answers a fixed text.</summary>
internal sealed class PingFunction
{
    [Function("Ping")]
    public IResult Ping([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ping")] HttpRequest request) =>
        Results.Text("pong");
}
