using System.Net;
using System.Net.Sockets;

namespace FuncLabel.LocalHost.Handler;

/// <summary>A currently unused loopback port, found the way the host's <c>GetUnusedTcpPort</c> does: bind port 0 and read it back.</summary>
internal static class FreeTcpPort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
