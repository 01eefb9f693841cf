using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using FuncLabel.Testing;

namespace FuncLabel.Functions.Tests.Storage;

/// <summary>
/// Reads queue messages as the Functions host's queue trigger does for this app: the raw <c>MessageText</c>, decoded
/// under the repository's host.json <c>extensions.queues.messageEncoding</c>. A sender whose encoding disagrees with
/// host.json fails here (the text does not decode) as it would in Azure, where the trigger poisons such a message.
/// </summary>
internal static class HostQueueTrigger
{
    private static readonly Lazy<bool> Base64 = new(() =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.Of("host.json")))!["extensions"]!["queues"]!["messageEncoding"]!.GetValue<string>() == "base64");

    /// <summary>A client that neither encodes nor decodes: what it receives is the text on the wire.</summary>
    public static QueueServiceClient Wire { get; } =
        new(Emulators.StorageConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    /// <summary>The bytes the function is given; throws <see cref="FormatException"/> where the trigger would poison the message.</summary>
    public static byte[] Decode(QueueMessage message) =>
        Base64.Value ? Convert.FromBase64String(message.MessageText) : Encoding.UTF8.GetBytes(message.MessageText);
}
