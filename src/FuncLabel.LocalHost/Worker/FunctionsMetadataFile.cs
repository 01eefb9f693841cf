using System.Text.Json;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Worker.Rpc;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// <c>functions.metadata</c>, the function list the Worker SDK writes at build time: used when the worker answers the
/// metadata request with <c>use_default_metadata_indexing</c> (it leaves indexing to the host). Each entry has
/// <c>name</c>, <c>scriptFile</c>, <c>entryPoint</c> and <c>bindings</c> in the Functions binding schema; the function id is derived
/// from the name, so it is stable across restarts.
/// </summary>
internal static class FunctionsMetadataFile
{
    public const string FileName = "functions.metadata";

    public static IReadOnlyList<RpcFunctionMetadata> Read(string appDirectory)
    {
        var path = Path.Combine(appDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new WorkerStartException($"The worker asked the host to index its functions, but {path} does not exist.");
        }

        JsonArray entries;
        try
        {
            entries = JsonNode.Parse(File.ReadAllText(path), documentOptions: JsonConfig.Lenient) as JsonArray
                      ?? throw new WorkerStartException($"{path} is not a JSON array.");
        }
        catch (JsonException e)
        {
            throw new WorkerStartException($"{path} is not valid JSON: {e.Message}", e);
        }

        var functions = new List<RpcFunctionMetadata>();
        foreach (var entry in entries.OfType<JsonObject>())
        {
            var name = entry.Text("name") ?? throw new WorkerStartException($"{path}: an entry has no name.");
            var metadata = new RpcFunctionMetadata
            {
                Name = name,
                FunctionId = StableId(name),
                ScriptFile = entry.Text("scriptFile") ?? "",
                EntryPoint = entry.Text("entryPoint") ?? "",
                Language = entry.Text("language") ?? "dotnet-isolated",
            };
            foreach (var binding in (entry.Child("bindings") as JsonArray ?? []).OfType<JsonObject>())
            {
                metadata.RawBindings.Add(binding.ToJsonString());
                metadata.Bindings[binding.Text("name") ?? ""] = BindingInfoOf(binding);
            }

            functions.Add(metadata);
        }

        return functions;
    }

    private static BindingInfo BindingInfoOf(JsonObject binding) => new()
    {
        Type = binding.Text("type") ?? "",
        Direction = (binding.Text("direction") ?? "in").ToLowerInvariant() switch
        {
            "out" => BindingInfo.Types.Direction.Out,
            "inout" => BindingInfo.Types.Direction.Inout,
            _ => BindingInfo.Types.Direction.In,
        },
        DataType = (binding.Text("dataType") ?? "").ToLowerInvariant() switch
        {
            "string" => BindingInfo.Types.DataType.String,
            "binary" => BindingInfo.Types.DataType.Binary,
            "stream" => BindingInfo.Types.DataType.Stream,
            _ => BindingInfo.Types.DataType.Undefined,
        },
    };

    private static string StableId(string name) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("function:" + name)).AsSpan(0, 16)).ToString();
}
