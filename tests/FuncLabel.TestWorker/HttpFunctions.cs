using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.TestWorker;

/// <summary>
/// ASP.NET Core HTTP functions: route parameters, a streamed echo of body and headers (with the status asked for in
/// <c>x-test-status</c>), a chosen status with headers, a large body written as it is generated, and a response that
/// only completes if the host streams it (<c>Drip</c>).
/// </summary>
public sealed class HttpFunctions(Records records)
{
    [Function("GetItem")]
    public IActionResult GetItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{category}/{id:int}")] HttpRequest request, string category, int id) =>
        new JsonResult(new JsonObject
        {
            ["category"] = category,
            ["id"] = id,
            ["query"] = request.QueryString.Value,
            ["path"] = request.Path.Value,
            ["host"] = request.Host.Value,
            ["scheme"] = request.Scheme,
        });

    [Function("Echo")]
    public async Task<IActionResult> Echo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", Route = "echo/{*rest}")] HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            length += read;
        }

        var headers = new JsonObject();
        foreach (var (name, values) in request.Headers)
        {
            headers[name.ToLowerInvariant()] = values.ToString();
        }

        request.HttpContext.Response.Headers["x-test-echo"] = "worker";
        return new JsonResult(new JsonObject
        {
            ["method"] = request.Method,
            ["path"] = request.Path.Value,
            ["query"] = request.QueryString.Value,
            ["headers"] = headers,
            ["length"] = length,
            ["sha256"] = Convert.ToHexString(sha.GetHashAndReset()),
        })
        {
            StatusCode = int.TryParse(request.Headers["x-test-status"], out var status) ? status : 200,
        };
    }

    [Function("Status")]
    public IActionResult Status([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = "status/{code:int}")] HttpRequest request, int code)
    {
        request.HttpContext.Response.Headers["x-test-echo"] = "worker";
        request.HttpContext.Response.Headers.Location = "/api/elsewhere";
        return new ContentResult { StatusCode = code, Content = $"status {code}", ContentType = "text/plain" };
    }

    [Function("Bytes")]
    public async Task Bytes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "bytes/{size:long}")] HttpRequest request, long size)
    {
        var response = request.HttpContext.Response;
        response.ContentType = "application/octet-stream";
        response.ContentLength = size;
        var chunk = new byte[65536];
        for (long sent = 0; sent < size;)
        {
            var count = (int)Math.Min(chunk.Length, size - sent);
            for (var i = 0; i < count; i++)
            {
                chunk[i] = Pattern(sent + i);
            }

            await response.Body.WriteAsync(chunk.AsMemory(0, count), request.HttpContext.RequestAborted);
            sent += count;
        }
    }

    /// <summary>Sends a first line, then holds the rest back until the test drops the file <c>release-{id}</c>.</summary>
    [Function("Drip")]
    public async Task Drip([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "drip/{id}")] HttpRequest request, string id)
    {
        var response = request.HttpContext.Response;
        var aborted = request.HttpContext.RequestAborted;
        response.ContentType = "text/plain";
        await response.WriteAsync("first\n", aborted);
        await response.Body.FlushAsync(aborted);
        while (!records.Exists($"release-{id}"))
        {
            await Task.Delay(20, aborted);
        }

        await response.WriteAsync("rest\n", aborted);
    }

    /// <summary>The byte at <paramref name="position"/> of every <c>/api/bytes</c> stream; the tests compute the same.</summary>
    public static byte Pattern(long position) => (byte)((position * 31 + 7) & 0xFF);
}
