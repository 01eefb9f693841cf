using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace FuncLabel.TestHandler;

/// <summary>
/// The forwarded HTTP function's routes. <c>/api/echo/…</c> answers what arrived (method, path, query, headers, body
/// length and SHA-256, read as a stream) with the status asked for in <c>x-test-status</c>; <c>/api/bytes/{n}</c>
/// streams n deterministic bytes; <c>/api/drip/{id}</c> sends a first line, then waits until the test drops the file
/// <c>release-{id}</c> before sending the rest — it only completes if the host streams the response.
/// </summary>
internal static class HttpEcho
{
    public static void MapHttpEcho(this WebApplication app, InvocationRecords records)
    {
        app.Map("/api/echo/{**rest}", async (HttpContext context) =>
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long length = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                length += read;
            }

            var headers = new JsonObject();
            foreach (var (name, values) in context.Request.Headers)
            {
                headers[name.ToLowerInvariant()] = values.ToString();
            }

            var status = int.TryParse(context.Request.Headers["x-test-status"], out var s) ? s : 200;
            context.Response.StatusCode = status;
            context.Response.Headers["x-test-echo"] = "handler";
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["method"] = context.Request.Method,
                ["path"] = context.Request.Path.Value,
                ["query"] = context.Request.QueryString.Value,
                ["headers"] = headers,
                ["length"] = length,
                ["sha256"] = Convert.ToHexString(sha.GetHashAndReset()),
            }, context.RequestAborted);
        });

        app.MapGet("/api/bytes/{size:long}", async (HttpContext context, long size) =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = size;
            var chunk = new byte[65536];
            for (long sent = 0; sent < size;)
            {
                var count = (int)Math.Min(chunk.Length, size - sent);
                for (var i = 0; i < count; i++)
                {
                    chunk[i] = Pattern(sent + i);
                }

                await context.Response.Body.WriteAsync(chunk.AsMemory(0, count), context.RequestAborted);
                sent += count;
            }
        });

        app.MapGet("/api/drip/{id}", async (HttpContext context, string id) =>
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("first\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            while (!records.Exists($"release-{id}"))
            {
                await Task.Delay(20, context.RequestAborted);
            }

            await context.Response.WriteAsync("rest\n", context.RequestAborted);
        });
    }

    /// <summary>The byte at <paramref name="position"/> of every <c>/api/bytes</c> stream; the tests compute the same.</summary>
    public static byte Pattern(long position) => (byte)((position * 31 + 7) & 0xFF);
}
