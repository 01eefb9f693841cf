using System.Globalization;
using System.Text;

namespace FuncLabel.Functions.Tests.Ingestion;

/// <summary>
/// A seeded NDJSON pre-label file with known outcomes. Good lines: bboxes of <c>car</c> (autoAcceptAt 0.9, dropBelow
/// 0.3) or <c>person</c> (project defaults 0.8 / 0.1) with confidences drawn uniformly from
/// <see cref="Confidences"/> (boundaries included), on assets by id, by globalKey, or by a globalKey not ingested yet
/// (pending), chosen uniformly. Every <c>1 / BadEvery</c>-th line is bad, cycling through every rejection reason.
/// The expected band of each line is computed here from the thresholds written out by hand, not by the code under test.
/// </summary>
internal sealed class PrelabelFileGenerator(int seed, IReadOnlyList<(string Id, string GlobalKey)> assets, IReadOnlyList<string> missingKeys)
{
    public static readonly double?[] Confidences = [null, 0.0, 0.0999, 0.1, 0.29999, 0.3, 0.5, 0.7999, 0.8, 0.8999, 0.9, 1.0];

    public static readonly string[] BadReasons =
    [
        "invalid_json", "line_too_long", "missing_uuid", "invalid_uuid", "missing_data_row", "ambiguous_data_row", "missing_class",
        "unknown_class", "wrong_tool_for_class", "unknown_answer", "duplicate_answer", "invalid_geometry", "out_of_bounds",
        "confidence_out_of_range", "duplicate_uuid", "unsupported_shape", "external_url", "invalid_value", "unknown_data_row",
    ];

    public const int BadEvery = 100;

    public List<(long Line, string Reason)> Bad { get; } = [];

    public Dictionary<string, long> Expected { get; } = new() { ["accepted"] = 0, ["to_review"] = 0, ["dropped"] = 0, ["pending"] = 0 };

    /// <summary>uuid → (asset id or null when pending, globalKey, x) of every stored good line.</summary>
    public Dictionary<Guid, (string? AssetId, string GlobalKey, int Left)> Stored { get; } = [];

    public string Generate(int lines, int leftOffset = 0)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var badIndex = 0;
        Guid? lastGood = null;
        string? lastRow = null;
        for (var line = 1; line <= lines; line++)
        {
            if (line % BadEvery == 0)
            {
                var reason = BadReasons[badIndex++ % BadReasons.Length];
                text.Append(BadLine(reason, random, lastGood, lastRow)).Append('\n');
                Bad.Add((line, reason));
                continue;
            }

            var uuid = NewUuid(random);
            var car = random.Next(2) == 0;
            var confidence = Confidences[random.Next(Confidences.Length)];
            var kind = random.Next(3);
            var (assetId, key) = kind == 2 ? (null, missingKeys[random.Next(missingKeys.Count)]) : assets[random.Next(assets.Count)] is var a ? (a.Id, a.GlobalKey) : default;
            var row = kind == 0 ? $"\"dataRow\":{{\"id\":\"{assetId}\"}}" : $"\"dataRow\":{{\"globalKey\":\"{key}\"}}";
            var left = 1 + random.Next(40) + leftOffset;
            var conf = confidence is { } c ? ",\"confidence\":" + c.ToString("R", CultureInfo.InvariantCulture) : "";
            text.Append(CultureInfo.InvariantCulture, $"{{\"uuid\":\"{uuid}\",{row},\"name\":\"{(car ? "car" : "person")}\",\"bbox\":{{\"top\":2,\"left\":{left},\"height\":10,\"width\":10}}{conf}}}\n");
            var band = Band(car, confidence);
            if (band == "dropped")
            {
                Expected["dropped"]++;
            }
            else
            {
                Expected[assetId is null ? "pending" : band]++;
                Stored[uuid] = (assetId, key!, left);
            }

            lastGood = uuid;
            lastRow = row;
        }

        return text.ToString();
    }

    /// <summary>The thresholds of the test ontology, written out.</summary>
    private static string Band(bool car, double? confidence) => (car, confidence) switch
    {
        (_, null) => "to_review",
        (true, >= 0.9) => "accepted",
        (true, < 0.3) => "dropped",
        (false, >= 0.8) => "accepted",
        (false, < 0.1) => "dropped",
        _ => "to_review",
    };

    private string BadLine(string reason, Random random, Guid? lastGood, string? lastRow)
    {
        var u = NewUuid(random);
        var row = $"\"dataRow\":{{\"id\":\"{assets[0].Id}\"}}";
        const string Box = "\"bbox\":{\"top\":1,\"left\":1,\"height\":5,\"width\":5}";
        return reason switch
        {
            "invalid_json" => $"{{\"uuid\":\"{u}\",{row},\"name\":\"car\",",
            "line_too_long" => $"{{\"uuid\":\"{u}\",{row},\"name\":\"car\",{Box},\"note\":\"{new string('x', 5000)}\"}}",
            "missing_uuid" => $"{{{row},\"name\":\"car\",{Box}}}",
            "invalid_uuid" => $"{{\"uuid\":\"not-a-uuid\",{row},\"name\":\"car\",{Box}}}",
            "missing_data_row" => $"{{\"uuid\":\"{u}\",\"name\":\"car\",{Box}}}",
            "ambiguous_data_row" => $"{{\"uuid\":\"{u}\",\"dataRow\":{{\"id\":\"{assets[0].Id}\",\"globalKey\":\"{assets[0].GlobalKey}\"}},\"name\":\"car\",{Box}}}",
            "missing_class" => $"{{\"uuid\":\"{u}\",{row},{Box}}}",
            "unknown_class" => $"{{\"uuid\":\"{u}\",{row},\"name\":\"bicycle\",{Box}}}",
            "wrong_tool_for_class" => $"{{\"uuid\":\"{u}\",{row},\"name\":\"weather\",\"answer\":\"sunny\"}}",
            "unknown_answer" => $"{{\"uuid\":\"{u}\",{row},\"name\":\"weather\",\"answer\":{{\"name\":\"snowy\"}}}}",
            "duplicate_answer" => $"{{\"uuid\":\"{u}\",{row},\"name\":\"tags\",\"answer\":[{{\"name\":\"a\"}},{{\"name\":\"a\"}}]}}",
            "invalid_geometry" => $"{{\"uuid\":\"{u}\",{row},\"name\":\"car\",\"bbox\":{{\"top\":1,\"left\":1,\"height\":-5,\"width\":1}}}}",
            "out_of_bounds" => $"{{\"uuid\":\"{u}\",{row},\"name\":\"car\",\"bbox\":{{\"top\":1,\"left\":90,\"height\":5,\"width\":50}}}}",
            "confidence_out_of_range" => $"{{\"uuid\":\"{u}\",{row},\"name\":\"car\",{Box},\"confidence\":1.5}}",
            "duplicate_uuid" => $"{{\"uuid\":\"{lastGood}\",{lastRow},\"name\":\"car\",{Box}}}",
            "unsupported_shape" => $"{{\"uuid\":\"{u}\",{row},\"name\":\"car\",{Box},\"page\":0,\"unit\":\"POINTS\"}}",
            "external_url" => $"{{\"uuid\":\"{u}\",{row},\"name\":\"region\",\"mask\":{{\"instanceURI\":\"https://example.com/m.png\",\"colorRGB\":[255,255,255]}}}}",
            "invalid_value" => $"{{\"uuid\":\"{u}\",{row},\"name\":7,{Box}}}",
            "unknown_data_row" => $"{{\"uuid\":\"{u}\",\"dataRow\":{{\"id\":\"no-such-asset-id\"}},\"name\":\"car\",{Box}}}",
            _ => throw new ArgumentOutOfRangeException(nameof(reason)),
        };
    }

    private static Guid NewUuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
