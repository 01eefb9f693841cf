using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.Tests.Support;

/// <summary>Reads what the test worker recorded (tests/FuncLabel.TestWorker/Records.cs): one JSON file per (function, phase) event.</summary>
internal sealed class InvocationLog(string folder)
{
    public string Folder { get; } = folder;

    public IReadOnlyList<JsonObject> Read(string function, string phase) =>
        Directory.EnumerateFiles(Folder, $"{function}-{phase}-*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())
            .OrderBy(r => r["at"]!.GetValue<string>(), StringComparer.Ordinal)
            .ToList();

    /// <summary>Polls until <paramref name="done"/> holds for the records of (function, phase); fails the test after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForAsync(
        string function, string phase, Func<IReadOnlyList<JsonObject>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var records = Read(function, phase);
            if (done(records))
            {
                return records;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {function}/{phase} records; have {records.Count}: " +
                            string.Join(" | ", records.Select(r => r["key"]?.ToString() + "#" + r["dequeueCount"]?.ToString())));
            }

            await Task.Delay(50);
        }
    }

    public void Release(string id) => File.WriteAllText(Path.Combine(Folder, $"release-{id}"), "");
}
