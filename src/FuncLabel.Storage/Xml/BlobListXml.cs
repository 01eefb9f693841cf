using System.Globalization;
using System.Xml.Linq;
using Azure;
using FuncLabel.Storage.Models;
using FuncLabel.Storage.Pipeline;

namespace FuncLabel.Storage.Xml;

/// <summary>Reads a List Blobs <c>EnumerationResults</c> document.</summary>
internal static class BlobListXml
{
    public static BlobPage Parse(Stream content)
    {
        var root = XDocument.Load(content).Root ?? throw new FormatException("Empty List Blobs response.");
        var items = root.Element("Blobs")?.Elements("Blob").Select(Item).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return new BlobPage(items, string.IsNullOrEmpty(next) ? null : next);
    }

    private static BlobItem Item(XElement blob)
    {
        var properties = blob.Element("Properties") ?? new XElement("Properties");
        var metadata = blob.Element("Metadata")?.Elements()
            .ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var contentType = properties.Element("Content-Type")?.Value;
        return new BlobItem(
            Name(blob.Element("Name")),
            new ETag(Unquoted(properties.Element("Etag")?.Value ?? string.Empty)),
            long.Parse(properties.Element("Content-Length")?.Value ?? "0", NumberStyles.None, CultureInfo.InvariantCulture),
            string.IsNullOrEmpty(contentType) ? null : contentType,
            ResponseFields.ParseHttpDate(properties.Element("Last-Modified")?.Value ?? throw new FormatException("Blob without Last-Modified.")),
            metadata);
    }

    /// <summary>Names with characters XML cannot carry come percent-encoded with <c>Encoded="true"</c>.</summary>
    private static string Name(XElement? name)
    {
        var text = name?.Value ?? throw new FormatException("Blob without a name.");
        return (string?)name.Attribute("Encoded") == "true" ? Uri.UnescapeDataString(text) : text;
    }

    /// <summary>
    /// Listings carry the ETag bare (<c>0x8D…</c>) and Azure.Core strips the quotes of the ETag header, so the bare form
    /// is what compares equal to the ETag of Get Blob Properties.
    /// </summary>
    private static string Unquoted(string etag) => etag.Trim('"');
}
