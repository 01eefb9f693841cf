namespace FuncLabel.Storage.Models;

/// <summary>A key issued by Get User Delegation Key to an Entra ID principal, used to sign user-delegation SAS URLs.</summary>
public sealed class UserDelegationKey
{
    internal UserDelegationKey(
        string signedObjectId, string signedTenantId, DateTimeOffset signedStartsOn, DateTimeOffset signedExpiresOn,
        string signedService, string signedVersion, string value)
    {
        SignedObjectId = signedObjectId;
        SignedTenantId = signedTenantId;
        SignedStartsOn = signedStartsOn;
        SignedExpiresOn = signedExpiresOn;
        SignedService = signedService;
        SignedVersion = signedVersion;
        Value = value;
    }

    public string SignedObjectId { get; }

    public string SignedTenantId { get; }

    public DateTimeOffset SignedStartsOn { get; }

    public DateTimeOffset SignedExpiresOn { get; }

    public string SignedService { get; }

    public string SignedVersion { get; }

    /// <summary>The base64 HMAC key. Secret: never log it.</summary>
    public string Value { get; }

    public override string ToString() => $"UserDelegationKey({SignedObjectId}, until {SignedExpiresOn:O})";
}
