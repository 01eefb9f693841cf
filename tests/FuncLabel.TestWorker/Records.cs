using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace FuncLabel.TestWorker;

/// <summary>
/// What the functions saw, for the tests to read: one JSON file per event (<c>{function}-{phase}-{guid}.json</c>) in the
/// folder named by the <c>TESTWORKER_RECORDS</c> app setting, written to a temporary name and renamed so a reader never
/// sees half a record.
/// </summary>
public sealed class Records(IConfiguration configuration)
{
    public string Folder { get; } = Directory.CreateDirectory(
        configuration["TESTWORKER_RECORDS"] ?? throw new InvalidOperationException("TESTWORKER_RECORDS is not set (local settings).")).FullName;

    public void Write(string function, string phase, JsonObject record)
    {
        record["function"] = function;
        record["phase"] = phase;
        record["pid"] = Environment.ProcessId;
        record["at"] = DateTimeOffset.UtcNow.ToString("O");
        var name = $"{function}-{phase}-{Guid.NewGuid():N}.json";
        var temporary = Path.Combine(Folder, "." + name + ".tmp");
        File.WriteAllText(temporary, record.ToJsonString());
        File.Move(temporary, Path.Combine(Folder, name));
    }

    public bool Exists(string name) => File.Exists(Path.Combine(Folder, name));
}
