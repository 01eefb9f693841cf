using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using FuncLabel.Testing;

namespace FuncLabel.Functions.Tests.Storage.OAuth;

/// <summary>
/// An Azurite of this fixture's own: HTTPS with a certificate made here, <c>--oauth basic</c>, in memory, free ports.
/// Started once for the test class and stopped (its process tree killed by id) after it.
/// </summary>
/// <remarks>
/// Only clients made by <see cref="TrustingHandler"/> accept the certificate, by its SHA-256 thumbprint; nothing
/// else in the process (or machine) trusts it.
/// </remarks>
public sealed class HttpsAzurite : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "funclabel-azurite-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _log = [];
    private Process? _process;
    private string _thumbprint = string.Empty;

    public Uri BlobEndpoint { get; private set; } = null!;

    public Uri QueueEndpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var certificatePath = Path.Combine(_directory, "cert.pem");
        var keyPath = Path.Combine(_directory, "key.pem");
        using (var certificate = SelfSignedCertificate.WritePem(certificatePath, keyPath))
        {
            _thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        }

        // A free port can be taken by another process between the check and Azurite binding it (other fixtures start
        // servers in parallel); Azurite then exits at once. A few attempts, each on new ports, ride that out.
        int blobPort = 0, queuePort = 0;
        for (var attempt = 1; ; attempt++)
        {
            (blobPort, queuePort, var tablePort) = (FreePort(), FreePort(), FreePort());
            if (await StartAsync(certificatePath, keyPath, blobPort, queuePort, tablePort) || attempt == 3)
            {
                break;
            }
        }

        await WaitUntilListeningAsync(blobPort);
        await WaitUntilListeningAsync(queuePort);
        BlobEndpoint = new Uri($"https://127.0.0.1:{blobPort}/devstoreaccount1");
        QueueEndpoint = new Uri($"https://127.0.0.1:{queuePort}/devstoreaccount1");
    }

    /// <summary>A handler that accepts exactly this fixture's certificate and no other untrusted one.</summary>
    public SocketsHttpHandler TrustingHandler()
    {
        var expected = _thumbprint;
        return new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == System.Net.Security.SslPolicyErrors.None ||
                    (certificate is not null &&
                     string.Equals(new X509Certificate2(certificate).GetCertHashString(HashAlgorithmName.SHA256), expected, StringComparison.Ordinal)),
            },
        };
    }

    /// <summary>An SDK transport over <see cref="TrustingHandler"/>.</summary>
    public HttpClientTransport Transport() => new(TrustingHandler());

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting process: the temp folder is cleaned by the OS later.
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts Azurite on the ports; false when it exited before listening on the blob port (a port was taken).</summary>
    private async Task<bool> StartAsync(string certificatePath, string keyPath, int blobPort, int queuePort, int tablePort)
    {
        var azurite = RepoPaths.Of("tools", "emulators", "node_modules", "azurite", "dist", "src", "azurite.js");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            azurite, "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(), "--queueHost", "127.0.0.1",
            "--queuePort", queuePort.ToString(), "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(),
            "--oauth", "basic", "--cert", certificatePath, "--key", keyPath, "--inMemoryPersistence",
            "--disableTelemetry", "--skipApiVersionCheck",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process?.Dispose();
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                return false;
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, blobPort);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return true; // still starting: WaitUntilListeningAsync reports it
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.Add(line);
            }
        }
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && _process is { HasExited: false })
            {
                await Task.Delay(100);
            }
            catch (SocketException e)
            {
                string log;
                lock (_log)
                {
                    log = string.Join('\n', _log);
                }

                throw new InvalidOperationException($"Azurite did not listen on {port}: {e.Message}\n{log}", e);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
