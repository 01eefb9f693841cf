using System.Text;

namespace FuncLabel.LocalHost.Queues;

/// <summary>
/// The <c>MessageText</c> of a queue message under host.json's <c>messageEncoding</c>: base64 of the bytes (the
/// default) or the UTF-8 text itself (<c>none</c>). Decoding base64 text that is not base64 fails, and the queue
/// trigger then poisons the message without invoking the function (docs/local-host.md, Queue trigger semantics, step 6).
/// </summary>
internal static class QueueWireText
{
    public static string Encode(byte[] message, bool base64) => base64 ? Convert.ToBase64String(message) : Encoding.UTF8.GetString(message);

    public static byte[]? Decode(string text, bool base64)
    {
        if (!base64)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
