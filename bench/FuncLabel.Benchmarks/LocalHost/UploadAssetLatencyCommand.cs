using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FuncLabel.Domain.Ingestion;

namespace FuncLabel.Benchmarks.LocalHost;

/// <summary>
/// <c>upload-asset-latency BASE_URL TOKEN PROJECT [COUNT] [OUTPUT.md]</c>: against the whole backend running locally
/// (the local host with the function app, its blob watcher and the emulators), uploads COUNT assets (default 20) the way
/// a client does — <c>POST {BASE_URL}/projects/{PROJECT}/uploads</c> for a SAS URL, then <c>PUT</c> the bytes to it —
/// and times each from the PUT's response until <c>GET …/assets/{id}</c> answers 200 (polled every 25 ms). The path
/// goes: blob watcher scan → Event Grid BlobCreated event → blob-triggered function over the worker's gRPC channel →
/// Cosmos DB. Uploads run one at a time, each after a seeded random pause of 0–1 s, so uploads land at every point of
/// the watcher's polling interval rather than just after a scan. Prints every upload and writes median, p90, max.
/// Run by bench/localhost-blob-latency.sh.
/// </summary>
internal static class UploadAssetLatencyCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var baseUrl, var token, var project, ..])
        {
            Console.Error.WriteLine("usage: upload-asset-latency BASE_URL TOKEN PROJECT [COUNT] [OUTPUT.md]");
            return 2;
        }

        var count = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
        var output = args.Length > 4 ? args[4] : null;
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/") };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var storage = new HttpClient();
        var random = new Random(21);
        var run = Guid.NewGuid().ToString("N")[..8];
        var latencies = new List<double>();
        var requestMs = new List<double>();
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(random.Next(0, 1000));
            var path = $"bench-{run}/{i:000}.txt";
            var clock = Stopwatch.StartNew();
            using var created = await api.PostAsJsonAsync($"projects/{project}/uploads", new { kind = "asset", path });
            var body = await created.Content.ReadAsStringAsync();
            if (!created.IsSuccessStatusCode || JsonNode.Parse(body)?["url"]?.GetValue<string>() is not { } sasUrl)
            {
                Console.Error.WriteLine($"POST uploads for {path}: {(int)created.StatusCode} {body}");
                return 1;
            }

            using var put = new HttpRequestMessage(HttpMethod.Put, sasUrl) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes($"upload {i} of bench run {run}\n")) };
            put.Headers.Add("x-ms-blob-type", "BlockBlob");
            put.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            using var uploaded = await storage.SendAsync(put);
            if (uploaded.StatusCode != HttpStatusCode.Created)
            {
                Console.Error.WriteLine($"PUT {path}: {(int)uploaded.StatusCode} {await uploaded.Content.ReadAsStringAsync()}");
                return 1;
            }

            var requests = clock.Elapsed.TotalMilliseconds;
            var sinceUpload = Stopwatch.StartNew();
            var assetUrl = $"projects/{project}/assets/{HashedIds.AssetId(project, path)}";
            while (true)
            {
                using var asset = await api.GetAsync(assetUrl);
                if (asset.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }

                if (asset.StatusCode != HttpStatusCode.NotFound || sinceUpload.Elapsed > TimeSpan.FromSeconds(30))
                {
                    Console.Error.WriteLine($"GET {assetUrl}: {(int)asset.StatusCode} after {sinceUpload.Elapsed.TotalSeconds:F1} s: {await asset.Content.ReadAsStringAsync()}");
                    return 1;
                }

                await Task.Delay(PollInterval);
            }

            latencies.Add(sinceUpload.Elapsed.TotalMilliseconds);
            requestMs.Add(requests);
            Console.WriteLine(FormattableString.Invariant($"{path}: POST + PUT {requests:F0} ms, then visible after {sinceUpload.Elapsed.TotalMilliseconds:F0} ms"));
        }

        var summary = FormattableString.Invariant(
            $"| {count} | {Median(latencies):F0} | {Percentile(latencies, 0.9):F0} | {latencies.Max():F0} | {latencies.Min():F0} | {Median(requestMs):F0} |");
        var all = string.Join(", ", latencies.Select(l => l.ToString("F0", CultureInfo.InvariantCulture)));
        Console.WriteLine("| uploads | median ms | p90 ms | max ms | min ms | POST + PUT median ms |\n|---|---|---|---|---|---|\n" + summary);
        if (output is not null)
        {
            await File.AppendAllTextAsync(output, summary + "\n\nEach upload, PUT response → asset visible (ms, in order): " + all + "\n");
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double Percentile(List<double> values, double fraction) =>
        values.Order().ElementAt((int)Math.Ceiling(fraction * values.Count) - 1);
}
