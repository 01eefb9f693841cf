using System.Text.Json;
using System.Text.Json.Nodes;

namespace FuncLabel.TestHandler;

/// <summary>
/// What the handler saw, for the tests to read: one JSON file per event (<c>{function}-{phase}-{guid}.json</c>)
/// in the folder named by the <c>TESTHANDLER_RECORDS</c> app setting. Written to a temporary name and renamed,
/// so a reader never sees half a record.
/// </summary>
internal sealed class InvocationRecords(string folder)
{
    public string Folder { get; } = Directory.CreateDirectory(folder).FullName;

    public void Write(string function, string phase, JsonObject record)
    {
        record["function"] = function;
        record["phase"] = phase;
        record["pid"] = Environment.ProcessId;
        record["at"] = DateTimeOffset.UtcNow.ToString("O");
        var name = $"{function}-{phase}-{Guid.NewGuid():N}.json";
        var temporary = Path.Combine(Folder, "." + name + ".tmp");
        File.WriteAllText(temporary, record.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        File.Move(temporary, Path.Combine(Folder, name));
    }

    public bool Exists(string name) => File.Exists(Path.Combine(Folder, name));
}
