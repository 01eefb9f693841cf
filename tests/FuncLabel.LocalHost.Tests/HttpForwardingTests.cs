using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.Tests.Support;
using FuncLabel.TestHandler;

namespace FuncLabel.LocalHost.Tests;

/// <summary>The forwarded catch-all HTTP function through the local host to the TestHandler (docs/local-host.md, Forwarded HTTP).</summary>
public sealed class HttpForwardingTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    [Fact]
    public async Task Request_RoundTripsMethodPathQueryHeadersBodyAndStatus()
    {
        using var app = TestApp.Create("http");
        await using var host = await app.StartHostAsync();
        using var client = new HttpClient { BaseAddress = host.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Patch, "api/echo/a%20b/c?x=1&y=two%20words&x=3")
        {
            Content = new StringContent("""{"hello":"wörld"}""", Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.Add("x-custom", "value-1");
        request.Headers.Add("x-test-status", "207");

        using var response = await client.SendAsync(request);
        var echo = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal((HttpStatusCode)207, response.StatusCode);
        Assert.Equal("handler", response.Headers.GetValues("x-test-echo").Single());
        Assert.Equal("PATCH", echo["method"]!.GetValue<string>());
        Assert.Equal("/api/echo/a b/c", echo["path"]!.GetValue<string>());
        Assert.Equal("?x=1&y=two%20words&x=3", echo["query"]!.GetValue<string>());
        Assert.Equal("value-1", echo["headers"]!["x-custom"]!.GetValue<string>());
        Assert.Equal("application/merge-patch+json; charset=utf-8", echo["headers"]!["content-type"]!.GetValue<string>());
        Assert.Equal(host.HttpAddress.Authority, echo["headers"]!["host"]!.GetValue<string>());
        Assert.NotNull(echo["headers"]!["x-azure-functions-invocationid"]);
        var body = Encoding.UTF8.GetBytes("""{"hello":"wörld"}""");
        Assert.Equal(body.Length, echo["length"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(body)), echo["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task LargeBodies_StreamedBothWays()
    {
        using var app = TestApp.Create("http");
        await using var host = await app.StartHostAsync();
        using var client = new HttpClient { BaseAddress = host.HttpAddress, Timeout = TimeSpan.FromMinutes(2) };

        using var upload = new PatternStream(FiftyMegabytes);
        using var uploadResponse = await client.PostAsync("api/echo/upload", new StreamContent(upload));
        var echo = JsonNode.Parse(await uploadResponse.Content.ReadAsStringAsync())!;

        using var download = await client.GetAsync($"api/bytes/{FiftyMegabytes}", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await download.Content.ReadAsStreamAsync();
        var downloadedHash = await SHA256.HashDataAsync(stream);

        var expected = await SHA256.HashDataAsync(new PatternStream(FiftyMegabytes));
        Assert.Equal(FiftyMegabytes, echo["length"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexString(expected), echo["sha256"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(downloadedHash));
    }

    [Fact]
    public async Task Response_ReachesCallerBeforeHandlerFinishes()
    {
        using var app = TestApp.Create("http");
        await using var host = await app.StartHostAsync();
        using var client = new HttpClient { BaseAddress = host.HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
        var id = Guid.NewGuid().ToString("N");

        using var response = await client.GetAsync($"api/drip/{id}", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        // The handler holds the rest back until the release file exists: reading the first line proves streaming.
        var first = await reader.ReadLineAsync();
        app.Records.Release(id);
        var rest = await reader.ReadToEndAsync();

        Assert.Equal("first", first);
        Assert.Equal("rest\n", rest);
    }

    [Fact]
    public async Task Request_OutsideRoutePrefix_NotFound()
    {
        using var app = TestApp.Create("http");
        await using var host = await app.StartHostAsync();
        using var client = new HttpClient { BaseAddress = host.HttpAddress };

        using var response = await client.GetAsync("echo/no-prefix");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>A read-only stream of <see cref="HttpEcho.Pattern"/> bytes, generated as read: 50 MB without 50 MB of memory.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = HttpEcho.Pattern(_position + i);
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
