namespace FuncLabel.Storage;

/// <summary>Argument errors raised by the clients before anything is sent (the service validates the rest).</summary>
internal static class Errors
{
    public static byte[] DecodeAccountKey(string accountKey)
    {
        try
        {
            return Convert.FromBase64String(accountKey);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The account key is not valid base64.", nameof(accountKey), e);
        }
    }

    public static ArgumentOutOfRangeException MessageCount(int maxMessages) =>
        new(nameof(maxMessages), maxMessages, "Between 1 and 32 messages can be received at once.");

    public static FormatException ConnectionString(string reason) =>
        new($"Invalid storage connection string: {reason}");

    public static ArgumentException BlobName(string blobName) =>
        new($"A blob name must be 1 to 1024 characters and must not end with '/' or '.' segments: '{blobName}'.", nameof(blobName));

    public static ArgumentOutOfRangeException BlockSize(int blockSize) =>
        new(nameof(blockSize), blockSize, "The block size must be between 64 KiB and 100 MiB.");

    public static InvalidOperationException NoSigningCredential() =>
        new("This client has neither an account key nor a token credential, so it cannot sign SAS URLs.");
}
