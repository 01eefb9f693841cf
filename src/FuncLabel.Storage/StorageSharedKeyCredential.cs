using System.Security.Cryptography;
using System.Text;

namespace FuncLabel.Storage;

/// <summary>An account name and key: signs requests (SharedKey) and service SAS URLs.</summary>
/// <remarks>The key is kept as bytes and never printed; <see cref="ToString"/> shows only the account name.</remarks>
public sealed class StorageSharedKeyCredential
{
    private readonly byte[] _key;

    /// <param name="accountName">The storage account name, e.g. <c>devstoreaccount1</c>.</param>
    /// <param name="accountKey">The base64 account key.</param>
    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        AccountName = accountName;
        _key = Errors.DecodeAccountKey(accountKey);
    }

    public string AccountName { get; }

    /// <summary>base64(HMAC-SHA256(key, UTF-8(text))): the signature of SharedKey headers and SAS tokens.</summary>
    internal string ComputeHmacSha256(string text) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    public override string ToString() => $"SharedKey({AccountName})";
}
