using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FuncLabel.Infra.Tests.Arm;

/// <summary>
/// Evaluates ARM expressions of one template (its parameters, variables and the current copy index) far enough to read
/// the names and settings a deployment would get. Functions whose result depends on Azure (<c>resourceGroup()</c>,
/// <c>uniqueString()</c>, <c>reference()</c>, ...) evaluate to <see cref="Unknown"/>, which propagates through string
/// building, so <c>format('{0}/default/{1}', parameters('account'), 'task-events')</c> still yields a readable last
/// segment. Not a general ARM engine: it covers the functions Bicep emits for infra/main.bicep.
/// </summary>
internal sealed partial class ArmScope
{
    /// <summary>Stands for a value only Azure knows at deployment time.</summary>
    public const string Unknown = "⟨unknown⟩";

    private readonly JsonObject _parameterDeclarations;
    private readonly IReadOnlyDictionary<string, JsonNode?> _parameterValues;
    private readonly JsonObject _variableDeclarations;
    private readonly Dictionary<string, JsonNode?> _parameters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonNode?> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _copyIndices;
    private readonly int? _copyIndex;

    public ArmScope(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameterValues)
    {
        _parameterDeclarations = template["parameters"] as JsonObject ?? [];
        _variableDeclarations = template["variables"] as JsonObject ?? [];
        _parameterValues = parameterValues;
        _copyIndices = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The same template scope (sharing evaluated parameters and variables) at other copy indices.</summary>
    private ArmScope(ArmScope outer, int? copyIndex, Dictionary<string, int> copyIndices)
    {
        _parameterDeclarations = outer._parameterDeclarations;
        _variableDeclarations = outer._variableDeclarations;
        _parameterValues = outer._parameterValues;
        _parameters = outer._parameters;
        _variables = outer._variables;
        _copyIndex = copyIndex;
        _copyIndices = copyIndices;
    }

    /// <summary>This scope inside a resource copy loop at <paramref name="index"/>.</summary>
    public ArmScope InCopy(int index) => new(this, index, _copyIndices);

    /// <summary>Evaluates every expression string inside <paramref name="node"/>, returning a new tree.</summary>
    public JsonNode? Evaluate(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Evaluate).ToArray()),
        JsonValue value when value.TryGetValue(out string? text) => EvaluateString(text),
        _ => node?.DeepClone(),
    };

    private JsonNode? EvaluateString(string text) =>
        ArmExpression.IsExpression(text) ? Evaluate(ArmExpression.Parse(text))
        : text.StartsWith("[[", StringComparison.Ordinal) ? JsonValue.Create(text[1..])
        : JsonValue.Create(text);

    public JsonNode? Evaluate(ArmExpression expression) => expression switch
    {
        ArmExpression.Literal literal => literal.Value?.DeepClone(),
        ArmExpression.Member member => Evaluate(member.Target) is JsonObject obj ? obj[member.Name]?.DeepClone() : JsonValue.Create(Unknown),
        ArmExpression.Index index => IndexInto(Evaluate(index.Target), Evaluate(index.Key)),
        ArmExpression.Call call => Call(call.Function.ToLowerInvariant(), call.Arguments),
        _ => throw new NotSupportedException(expression.GetType().Name),
    };

    private static JsonNode? IndexInto(JsonNode? target, JsonNode? key) => (target, key) switch
    {
        (JsonArray array, JsonValue i) when i.TryGetValue(out long n) => array[checked((int)n)]?.DeepClone(),
        (JsonObject obj, JsonValue k) when k.TryGetValue(out string? name) => obj[name]?.DeepClone(),
        _ => JsonValue.Create(Unknown),
    };

    private JsonNode? Call(string function, IReadOnlyList<ArmExpression> arguments)
    {
        JsonNode? Arg(int i) => Evaluate(arguments[i]);
        return function switch
        {
            "parameters" => Parameter(Text(Arg(0))),
            "variables" => Variable(Text(Arg(0))),
            "copyindex" => JsonValue.Create((long)CopyIndex(arguments.Count > 0 ? Arg(0) : null)),
            "format" => JsonValue.Create(Format(Text(Arg(0)), arguments.Skip(1).Select(a => Text(Evaluate(a))).ToArray())),
            "concat" => Concat(arguments.Select(Evaluate).ToList()),
            "length" => Arg(0) switch
            {
                JsonArray array => JsonValue.Create((long)array.Count),
                JsonObject obj => JsonValue.Create((long)obj.Count),
                var other => JsonValue.Create((long)Text(other).Length),
            },
            "createarray" => new JsonArray(arguments.Select(Evaluate).ToArray()),
            "createobject" => CreateObject(arguments.Select(Evaluate).ToList()),
            "if" => Text(Arg(0)) == "true" ? Arg(1) : Arg(2),
            "empty" => JsonValue.Create(Arg(0) switch
            {
                null => true,
                JsonArray array => array.Count == 0,
                JsonObject obj => obj.Count == 0,
                var other => Text(other).Length == 0,
            }),
            "equals" => JsonValue.Create(JsonNode.DeepEquals(Arg(0), Arg(1))),
            "not" => JsonValue.Create(Text(Arg(0)) != "true"),
            "tolower" => JsonValue.Create(Text(Arg(0)).ToLowerInvariant()),
            "string" => JsonValue.Create(Text(Arg(0))),
            "take" => JsonValue.Create(new string(Text(Arg(0)).Take(checked((int)Arg(1)!.GetValue<long>())).ToArray())),
            "items" => Arg(0) is JsonObject obj
                ? new JsonArray(obj.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value?.DeepClone() }).ToArray())
                : JsonValue.Create(Unknown),
            "subscriptionresourceid" => JsonValue.Create(
                $"/subscriptions/{Unknown}/providers/{Text(Arg(0))}/{string.Join('/', arguments.Skip(1).Select(a => Text(Evaluate(a))))}"),
            "resourceid" => JsonValue.Create(
                $"/subscriptions/{Unknown}/resourceGroups/{Unknown}/providers/{Text(Arg(0))}/{string.Join('/', arguments.Skip(1).Select(a => Text(Evaluate(a))))}"),
            _ => JsonValue.Create(Unknown),
        };
    }

    private JsonNode? Parameter(string name)
    {
        if (!_parameters.TryGetValue(name, out var value))
        {
            var declaration = _parameterDeclarations[name] as JsonObject
                ?? throw new KeyNotFoundException($"parameters('{name}') is not declared.");
            value = _parameterValues.TryGetValue(name, out var given) ? given?.DeepClone() : Evaluate(declaration["defaultValue"]);
            _parameters[name] = value;
        }

        return value?.DeepClone();
    }

    private JsonNode? Variable(string name)
    {
        if (!_variables.TryGetValue(name, out var value))
        {
            value = _variableDeclarations.ContainsKey(name) ? Evaluate(_variableDeclarations[name]) : CopyVariable(name);
            _variables[name] = value;
        }

        return value?.DeepClone();
    }

    /// <summary>A variable built by a loop: <c>"copy": [ { "name", "count", "input" } ]</c> in the variables section.</summary>
    private JsonNode? CopyVariable(string name)
    {
        var loop = (_variableDeclarations["copy"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(c => string.Equals((string?)c["name"], name, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException($"variables('{name}') is not declared.");
        var count = Evaluate(loop["count"])!.GetValue<long>();
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var scope = new ArmScope(this, _copyIndex, new Dictionary<string, int>(_copyIndices, StringComparer.OrdinalIgnoreCase) { [name] = i });
            items.Add(scope.Evaluate(loop["input"]));
        }

        return items;
    }

    private int CopyIndex(JsonNode? loopName) =>
        loopName is null
            ? _copyIndex ?? throw new InvalidOperationException("copyIndex() outside a copy loop.")
            : _copyIndices.TryGetValue(Text(loopName), out var index) ? index
            : throw new InvalidOperationException($"copyIndex('{Text(loopName)}') outside its loop.");

    private static JsonNode? Concat(List<JsonNode?> values) =>
        values.All(v => v is JsonArray)
            ? new JsonArray(values.SelectMany(v => v!.AsArray()).Select(v => v?.DeepClone()).ToArray())
            : JsonValue.Create(string.Concat(values.Select(Text)));

    private static JsonObject CreateObject(List<JsonNode?> values)
    {
        var obj = new JsonObject();
        for (var i = 0; i + 1 < values.Count; i += 2)
        {
            obj[Text(values[i])] = values[i + 1]?.DeepClone();
        }

        return obj;
    }

    private static string Format(string format, string[] arguments) =>
        FormatItem().Replace(format, m => arguments[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]);

    /// <summary>A value as text, the way string functions see it.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue(out string? s) => s,
        JsonValue value when value.TryGetValue(out bool b) => b ? "true" : "false",
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex FormatItem();
}
