namespace FuncLabel.Functions.Hosting;

/// <summary>Where Kestrel listens: the Functions host's port, or the configured URLs when run standalone.</summary>
public static class CustomHandlerUrls
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>
    /// Under a Functions host, listen on IPv4 loopback at <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>: the host always
    /// calls <c>http://127.0.0.1:{port}</c> and does not expand the variable in host.json <c>arguments</c>.
    /// Otherwise leave ASP.NET Core's own <c>urls</c> / <c>ASPNETCORE_URLS</c> in charge.
    /// </summary>
    public static WebApplicationBuilder ListenAsCustomHandler(this WebApplicationBuilder builder)
    {
        var port = Environment.GetEnvironmentVariable(PortVariable);
        if (!string.IsNullOrEmpty(port))
        {
            if (!ushort.TryParse(port, out var number) || number == 0)
            {
                throw new InvalidOperationException($"{PortVariable} is not a TCP port: '{port}'.");
            }

            builder.WebHost.UseUrls($"http://127.0.0.1:{number}");
        }

        return builder;
    }
}
