namespace FuncLabel.Domain.Ingestion;

/// <summary>What the first bytes of an asset say it is.</summary>
public enum ContentKind
{
    /// <summary>Nothing recognised: <c>application/octet-stream</c>.</summary>
    Binary,
    Png,
    Jpeg,
    Gif,
    WebP,

    /// <summary>Valid UTF-8 (so far) without control characters other than tab, line breaks and form feed.</summary>
    Text,
    Pdf,
    Wav,
    Mp3,
    Mp4,
    Zip,
}

/// <summary>
/// Content-type sniffing from magic numbers, in the spirit of the WHATWG MIME Sniffing rules but limited to the kinds
/// FuncLabel labels. The uploader's <c>Content-Type</c> is never trusted: the bytes decide.
/// </summary>
/// <remarks>
/// Text is decided on the head only (<see cref="LooksLikeText"/>); the ingestion confirms it while streaming the whole
/// blob through <see cref="Utf8CodePointCounter"/> and falls back to <see cref="ContentKind.Binary"/> if a later byte is
/// not UTF-8. An empty blob is text with zero code points.
/// </remarks>
public static class ContentSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ContentKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngSignature))
        {
            return ContentKind.Png;
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return ContentKind.Jpeg;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return ContentKind.Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            var form = head.Slice(8, 4);
            if (form.SequenceEqual("WEBP"u8))
            {
                return ContentKind.WebP;
            }

            if (form.SequenceEqual("WAVE"u8))
            {
                return ContentKind.Wav;
            }
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return ContentKind.Pdf;
        }

        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0))
        {
            return ContentKind.Mp3;
        }

        if (head.Length >= 8 && head.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return ContentKind.Mp4;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return ContentKind.Zip;
        }

        return LooksLikeText(head) ? ContentKind.Text : ContentKind.Binary;
    }

    /// <summary>The MIME type FuncLabel records for a kind.</summary>
    public static string MediaType(ContentKind kind) => kind switch
    {
        ContentKind.Png => "image/png",
        ContentKind.Jpeg => "image/jpeg",
        ContentKind.Gif => "image/gif",
        ContentKind.WebP => "image/webp",
        ContentKind.Text => "text/plain; charset=utf-8",
        ContentKind.Pdf => "application/pdf",
        ContentKind.Wav => "audio/wav",
        ContentKind.Mp3 => "audio/mpeg",
        ContentKind.Mp4 => "video/mp4",
        ContentKind.Zip => "application/zip",
        _ => "application/octet-stream",
    };

    /// <summary>
    /// True when the head is UTF-8 (a sequence cut by the end of the head is allowed) and has no control characters
    /// except tab, LF, CR and FF. A leading byte-order mark is allowed.
    /// </summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        var counter = new Utf8CodePointCounter();
        counter.Append(head);
        if (!counter.IsValidSoFar)
        {
            return false;
        }

        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                return false;
            }

            if (b == 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
