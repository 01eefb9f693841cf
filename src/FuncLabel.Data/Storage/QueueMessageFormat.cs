using Azure.Storage.Queues;

namespace FuncLabel.Data.Storage;

/// <summary>
/// How the app writes queue messages: base64 of the UTF-8 bytes, which is what host.json's
/// <c>extensions.queues.messageEncoding</c> (<c>base64</c>) makes the Functions queue trigger expect.
/// </summary>
/// <remarks>
/// The SDK's own default is <see cref="QueueMessageEncoding.None"/> (the text as is). A message sent that way is plain
/// JSON on the wire, which the trigger fails to decode as base64 and moves to the poison queue without running the
/// function, so every <see cref="QueueServiceClient"/> the app or its tests create states the encoding through
/// <see cref="Options"/>; queue clients inherit it from the service client.
/// </remarks>
internal static class QueueMessageFormat
{
    public const QueueMessageEncoding Encoding = QueueMessageEncoding.Base64;

    /// <summary>Sets <see cref="QueueClientOptions.MessageEncoding"/> on <paramref name="options"/> (new options when null).</summary>
    public static QueueClientOptions Options(QueueClientOptions? options = null)
    {
        options ??= new QueueClientOptions();
        options.MessageEncoding = Encoding;
        return options;
    }
}
