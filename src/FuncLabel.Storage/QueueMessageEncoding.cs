namespace FuncLabel.Storage;

/// <summary>How a queue message's bytes travel in the <c>MessageText</c> element.</summary>
public enum QueueMessageEncoding
{
    /// <summary>Base64 of the bytes: what the Functions queue trigger expects by default and safe for any payload.</summary>
    Base64,

    /// <summary>The text itself (XML-escaped on the wire). Only for UTF-8 text payloads.</summary>
    None,
}
