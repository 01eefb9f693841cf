using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.Tests.Support;
using FuncLabel.TestWorker;

namespace FuncLabel.LocalHost.Tests;

/// <summary>
/// Worker mode HTTP: the host matches the route and forwards the request to the worker's ASP.NET Core endpoint, paired
/// with an invocation over gRPC (x-ms-invocation-id, route values as trigger metadata).
/// </summary>
public sealed class WorkerHttpTests : IAsyncLifetime
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;
    private readonly WorkerTestApp _app = WorkerTestApp.Create("GetItem", "Echo", "Status", "Bytes", "Drip");
    private LocalFunctionsHost? _host;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await _app.StartHostAsync();
        _client = new HttpClient { BaseAddress = _host.HttpAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _app.Dispose();
    }

    [Fact]
    public async Task Get_RouteValuesAndQueryReachTheFunction()
    {
        using var response = await _client.GetAsync("api/items/books/42?x=1&y=two%20words");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("books", body["category"]!.GetValue<string>());
        Assert.Equal(42, body["id"]!.GetValue<int>());
        Assert.Equal("?x=1&y=two%20words", body["query"]!.GetValue<string>());
        Assert.Equal("/api/items/books/42", body["path"]!.GetValue<string>());
        Assert.Equal(_host!.HttpAddress.Authority, body["host"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_BodyAndHeadersArriveUnchanged_WithTheInvocationHeader()
    {
        var text = """{"hello":"wörld"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/echo/a/b?q=1") { Content = new StringContent(text, Encoding.UTF8, "application/merge-patch+json") };
        request.Headers.Add("x-custom", "value-1");

        using var response = await _client.SendAsync(request);
        var echo = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("POST", echo["method"]!.GetValue<string>());
        Assert.Equal("/api/echo/a/b", echo["path"]!.GetValue<string>());
        Assert.Equal("?q=1", echo["query"]!.GetValue<string>());
        Assert.Equal("value-1", echo["headers"]!["x-custom"]!.GetValue<string>());
        Assert.Equal("application/merge-patch+json; charset=utf-8", echo["headers"]!["content-type"]!.GetValue<string>());
        Assert.True(Guid.TryParse(echo["headers"]!["x-ms-invocation-id"]!.GetValue<string>(), out _));
        Assert.Equal(bytes.Length, echo["length"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)), echo["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_RoundTripsMethodEscapedPathRepeatedQueryHeadersBodyAndStatus()
    {
        var text = """{"hello":"wörld"}""";
        using var request = new HttpRequestMessage(HttpMethod.Patch, "api/echo/a%20b/c?x=1&y=two%20words&x=3")
        {
            Content = new StringContent(text, Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.Add("x-custom", "value-1");
        request.Headers.Add("x-test-status", "207");

        using var response = await _client.SendAsync(request);
        var echo = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal((HttpStatusCode)207, response.StatusCode);
        Assert.Equal("worker", response.Headers.GetValues("x-test-echo").Single());
        Assert.Equal("PATCH", echo["method"]!.GetValue<string>());
        Assert.Equal("/api/echo/a b/c", echo["path"]!.GetValue<string>());
        Assert.Equal("?x=1&y=two%20words&x=3", echo["query"]!.GetValue<string>());
        Assert.Equal("value-1", echo["headers"]!["x-custom"]!.GetValue<string>());
        Assert.Equal("application/merge-patch+json; charset=utf-8", echo["headers"]!["content-type"]!.GetValue<string>());
        Assert.Equal(_host!.HttpAddress.Authority, echo["headers"]!["host"]!.GetValue<string>());
        Assert.True(Guid.TryParse(echo["headers"]!["x-ms-invocation-id"]!.GetValue<string>(), out _));
        Assert.Equal(bytes.Length, echo["length"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)), echo["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task Response_ReachesTheCallerBeforeTheFunctionFinishes()
    {
        var id = Guid.NewGuid().ToString("N");

        using var response = await _client.GetAsync($"api/drip/{id}", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        // The function holds the rest back until the release file exists: reading the first line proves streaming.
        var first = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _app.Records.Release(id);
        var rest = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("first", first);
        Assert.Equal("rest\n", rest);
    }

    [Fact]
    public async Task Response_StatusAndHeadersComeFromTheFunction()
    {
        using var response = await _client.PutAsync("api/status/418", new StringContent(""));

        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Equal("worker", response.Headers.GetValues("x-test-echo").Single());
        Assert.Equal("/api/elsewhere", response.Headers.Location!.OriginalString);
        Assert.Equal("status 418", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LargeBodies_StreamedBothWays()
    {
        using var upload = new PatternStream(FiftyMegabytes);
        using var uploadResponse = await _client.PostAsync("api/echo/upload", new StreamContent(upload));
        var echo = JsonNode.Parse(await uploadResponse.Content.ReadAsStringAsync())!;

        using var download = await _client.GetAsync($"api/bytes/{FiftyMegabytes}", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await download.Content.ReadAsStreamAsync();
        var downloadedHash = await SHA256.HashDataAsync(stream);

        var expected = Convert.ToHexString(await SHA256.HashDataAsync(new PatternStream(FiftyMegabytes)));
        Assert.Equal(FiftyMegabytes, echo["length"]!.GetValue<long>());
        Assert.Equal(expected, echo["sha256"]!.GetValue<string>());
        Assert.Equal(FiftyMegabytes, download.Content.Headers.ContentLength);
        Assert.Equal(expected, Convert.ToHexString(downloadedHash));
    }

    [Theory]
    [InlineData("GET", "api/nothing/here")]
    [InlineData("GET", "items/books/42")]
    [InlineData("GET", "api/items/books/not-a-number")]
    [InlineData("DELETE", "api/items/books/42")]
    public async Task Unmatched_NotFound(string method, string path)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} {path}: {response.StatusCode}");
        Assert.DoesNotContain(_app.Logs.All, l => l.Message.Contains("Executing", StringComparison.Ordinal) && l.Message.Contains(path, StringComparison.Ordinal));
    }

    /// <summary>A read-only stream of <see cref="HttpFunctions.Pattern"/> bytes, generated as read.</summary>
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
                buffer[offset + i] = HttpFunctions.Pattern(_position + i);
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
