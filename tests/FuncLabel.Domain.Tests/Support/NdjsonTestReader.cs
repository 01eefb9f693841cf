using System.Text;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ndjson;

namespace FuncLabel.Domain.Tests.Support;

/// <summary>Reads NDJSON text through the real streaming reader and collects the results.</summary>
internal static class NdjsonTestReader
{
    public static NdjsonReaderOptions Options(AssetExtent? extent = null, int maxLineBytes = 16 * 1024 * 1024) =>
        new(TestOntology.Instance, TestOntology.ProjectId)
        {
            PrelabelsContainerUris = [new Uri("https://acct.blob.core.windows.net/prelabels/")],
            ExtentOf = extent is null ? null : _ => extent,
            MaxLineBytes = maxLineBytes,
        };

    public static async Task<List<NdjsonLineResult>> ReadAsync(string ndjson, NdjsonReaderOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ndjson));
        var results = new List<NdjsonLineResult>();
        await foreach (var result in new NdjsonPrelabelReader(options ?? Options()).ReadAsync(stream, CancellationToken.None))
        {
            results.Add(result);
        }

        return results;
    }

    public static async Task<NdjsonRecord> ReadOneAsync(string line, NdjsonReaderOptions? options = null)
    {
        var results = await ReadAsync(line, options);
        var result = Assert.Single(results);
        Assert.True(result.Record is not null, $"Expected a record, got {result.Error}");
        return result.Record!;
    }

    public static async Task<NdjsonLineError> ReadErrorAsync(string line, NdjsonReaderOptions? options = null)
    {
        var results = await ReadAsync(line, options);
        var result = Assert.Single(results);
        Assert.True(result.Error is not null, $"Expected an error, got {result.Record}");
        return result.Error!;
    }
}
