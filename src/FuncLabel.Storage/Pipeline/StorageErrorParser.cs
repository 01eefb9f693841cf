using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace FuncLabel.Storage.Pipeline;

/// <summary>
/// Reads the error code of a failed Storage response for <see cref="RequestFailedException.ErrorCode"/>.
/// </summary>
/// <remarks>
/// The <c>x-ms-error-code</c> header is authoritative and is the only source for HEAD responses, which
/// have no body; the XML body <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;</c> adds the message.
/// </remarks>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static StorageErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? message = null;
        if (response.ContentStream is { CanSeek: true, Length: > 0 } && TryReadXml(response, out var xmlCode, out var xmlMessage))
        {
            code ??= xmlCode;
            message = xmlMessage;
        }

        error = code is null && message is null ? null : new ResponseError(code, message ?? code);
        return error is not null;
    }

    private static bool TryReadXml(Response response, out string? code, out string? message)
    {
        code = message = null;
        try
        {
            var root = XDocument.Parse(response.Content.ToString()).Root;
            code = root?.Element("Code")?.Value;
            message = root?.Element("Message")?.Value;
            return code is not null || message is not null;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
