using System.Globalization;
using System.Text;
using System.Xml.Linq;
using FuncLabel.Storage.Models;
using FuncLabel.Storage.Pipeline;

namespace FuncLabel.Storage.Xml;

/// <summary>Writes Put Message bodies and reads <c>QueueMessagesList</c> responses.</summary>
internal static class QueueXml
{
    public static BinaryData MessageBody(BinaryData message, QueueMessageEncoding encoding)
    {
        var text = encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(message.ToMemory().Span) : message.ToString();
        var document = new XElement("QueueMessage", new XElement("MessageText", text));
        return BinaryData.FromString(document.ToString(SaveOptions.DisableFormatting));
    }

    public static SendReceipt ParseSendReceipt(Stream content)
    {
        var message = Messages(content).FirstOrDefault() ?? throw new FormatException("Put Message returned no message.");
        return new SendReceipt(
            Text(message, "MessageId"), Text(message, "PopReceipt"), Date(message, "InsertionTime"),
            Date(message, "ExpirationTime"), Date(message, "TimeNextVisible"));
    }

    public static IReadOnlyList<QueueMessage> ParseReceived(Stream content, QueueMessageEncoding encoding) =>
        Messages(content).Select(m =>
        {
            var text = Text(m, "MessageText");
            return new QueueMessage(
                Text(m, "MessageId"), Text(m, "PopReceipt"),
                long.Parse(Text(m, "DequeueCount"), NumberStyles.None, CultureInfo.InvariantCulture),
                Date(m, "InsertionTime"), Date(m, "ExpirationTime"), Date(m, "TimeNextVisible"),
                text, Decode(text, encoding));
        }).ToList();

    /// <summary>
    /// Base64 when it is base64, else the text's bytes: Event Grid and hand-written senders put plain JSON on queues,
    /// and the functions accept both (docs/architecture.md, Uploads are events).
    /// </summary>
    private static BinaryData Decode(string text, QueueMessageEncoding encoding)
    {
        if (encoding == QueueMessageEncoding.Base64)
        {
            var buffer = new byte[text.Length];
            if (Convert.TryFromBase64String(text, buffer, out var written))
            {
                return new BinaryData(buffer.AsMemory(0, written));
            }
        }

        return new BinaryData(Encoding.UTF8.GetBytes(text));
    }

    private static IEnumerable<XElement> Messages(Stream content) =>
        XDocument.Load(content).Root?.Elements("QueueMessage") ?? [];

    private static string Text(XElement message, string name) =>
        message.Element(name)?.Value ?? throw new FormatException($"Queue message without {name}.");

    private static DateTimeOffset Date(XElement message, string name) => ResponseFields.ParseHttpDate(Text(message, name));
}
