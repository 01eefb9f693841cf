using System.Net.Sockets;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// Waits until the worker's ASP.NET Core endpoint accepts connections. The worker answers the handshake from its gRPC
/// client while its web server may still be binding, so a request forwarded straight after the handshake could be
/// refused; the host polls a TCP connect every 10 ms instead.
/// </summary>
internal static class HttpEndpointProbe
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static async Task WaitAsync(Uri endpoint, Task workerExited, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (workerExited.IsCompleted)
            {
                throw new WorkerStartException($"The worker exited before its HTTP endpoint {endpoint} accepted connections.");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
    }
}
