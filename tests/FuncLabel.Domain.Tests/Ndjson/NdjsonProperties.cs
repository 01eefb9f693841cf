using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncLabel.Domain.Ndjson;
using FuncLabel.Domain.Tests.Support;

namespace FuncLabel.Domain.Tests.Ndjson;

/// <summary>Property-based checks of the NDJSON reader and writer.</summary>
public sealed class NdjsonProperties
{
    private static readonly string[] Replacements =
    [
        "1e309", "-1e400", "123456789012345678901234567890", "1e-400", "-0", "NaN", "\"text\"", "{}", "[]", "null", "true", "[[[[]]]]", "{\"x\":{}}", "\"\\ud800\"",
    ];

    /// <summary>Seeds for <see cref="RandomAnnotations"/>; FsCheck picks them and reports the failing seed.</summary>
    private static Arbitrary<int> Seeds => Arb.From(Gen.Choose(0, int.MaxValue));

    [Property(MaxTest = 500)]
    public Property WriteThenRead_RoundTripsExactly() => Prop.ForAll(Seeds, seed =>
    {
        var (dataRow, annotation) = RandomAnnotations.Create(seed);
        var buffer = new ArrayBufferWriter<byte>();
        NdjsonAnnotationWriter.WriteLine(buffer, dataRow, annotation);
        var line = buffer.WrittenSpan[..^1];

        var result = new NdjsonPrelabelReader(NdjsonTestReader.Options()).ParseLine(line, 1);

        return result?.Record is { } record && record.Annotation == annotation && record.DataRow == dataRow && !record.GeometryRepaired;
    });

    [Property(MaxTest = 2000)]
    public Property MutatedLine_YieldsARecordOrAnErrorAndNeverThrows() => Prop.ForAll(Seeds, Arb.From(Gen.Choose(0, int.MaxValue)), (seed, mutationSeed) =>
    {
        var (dataRow, annotation) = RandomAnnotations.Create(seed);
        var buffer = new ArrayBufferWriter<byte>();
        NdjsonAnnotationWriter.WriteLine(buffer, dataRow, annotation);
        var mutated = Mutate(buffer.WrittenSpan[..^1].ToArray(), new Random(mutationSeed));

        var result = new NdjsonPrelabelReader(NdjsonTestReader.Options()).ParseLine(mutated, 7);

        var blank = mutated.AsSpan().Trim(" \t\r"u8).IsEmpty;
        return blank ? result is null : result is not null && (result.Record is null) != (result.Error is null) && result.LineNumber == 7;
    });

    [Property(MaxTest = 100)]
    public Property MutatedFile_EveryNonBlankLineYieldsOneResult() => Prop.ForAll(Seeds, seed =>
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            var (dataRow, annotation) = RandomAnnotations.Create(random.Next());
            var buffer = new ArrayBufferWriter<byte>();
            NdjsonAnnotationWriter.WriteLine(buffer, dataRow, annotation);
            var bytes = buffer.WrittenSpan[..^1].ToArray();
            text.Append(Encoding.UTF8.GetString(random.Next(2) == 0 ? Mutate(bytes, random) : bytes).Replace('\n', ' ')).Append('\n');
        }

        var lines = text.ToString().Split('\n');
        var expected = lines.Count(l => l.Trim(' ', '\t', '\r').Length > 0);
        var results = NdjsonTestReader.ReadAsync(text.ToString()).GetAwaiter().GetResult();
        return results.Count == expected;
    });

    /// <summary>Bit flips, truncations, type swaps and huge or malformed numbers, chosen by <paramref name="random"/>.</summary>
    internal static byte[] Mutate(byte[] line, Random random)
    {
        var bytes = line.ToList();
        for (var round = random.Next(1, 4); round > 0 && bytes.Count > 0; round--)
        {
            switch (random.Next(4))
            {
                case 0:
                    var at = random.Next(bytes.Count);
                    bytes[at] = (byte)(bytes[at] ^ (1 << random.Next(8)));
                    break;
                case 1:
                    bytes.RemoveRange(random.Next(bytes.Count), bytes.Count - random.Next(bytes.Count) > 0 ? 1 : 0);
                    bytes = bytes.Take(random.Next(bytes.Count + 1)).ToList();
                    break;
                default:
                    bytes = SwapValue(bytes, random);
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Replaces one JSON value (a number, string, literal, object or array start) with another type or an extreme number.</summary>
    private static List<byte> SwapValue(List<byte> bytes, Random random)
    {
        var text = Encoding.UTF8.GetString([.. bytes]);
        var colons = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToList();
        if (colons.Count == 0)
        {
            return bytes;
        }

        var start = colons[random.Next(colons.Count)] + 1;
        var end = start;
        var depth = 0;
        var inString = false;
        while (end < text.Length)
        {
            var c = text[end];
            if (inString)
            {
                if (c == '\\')
                {
                    end++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        end++;
                        break;
                    }
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']')
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
                if (depth == 0)
                {
                    end++;
                    break;
                }
            }
            else if (c == ',' && depth == 0)
            {
                break;
            }

            end++;
        }

        var replaced = string.Concat(text.AsSpan(0, start), Replacements[random.Next(Replacements.Length)], text.AsSpan(Math.Min(end, text.Length)));
        return [.. Encoding.UTF8.GetBytes(replaced)];
    }
}
