namespace FuncLabel.Functions.Security;

/// <summary>
/// Configuration section <c>Auth</c>. In Azure: <see cref="Authority"/> (the Entra ID tenant's OpenID Connect
/// authority) and <see cref="Audience"/>; signing keys come from the authority's metadata. Locally:
/// <see cref="DevSigningKey"/>, a base64 HMAC key that <c>scripts/mint-token.sh</c> signs tokens with.
/// </summary>
internal sealed class AuthSettings
{
    public const string SectionName = "Auth";

    public const string DevIssuer = "funclabel-dev";

    public const string DevAudience = "funclabel-api";

    public string? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>Base64, at least 32 bytes. Refused at start-up when the app runs in Azure.</summary>
    public string? DevSigningKey { get; set; }

    /// <summary>Allowed clock skew for exp/nbf, in seconds.</summary>
    public int ClockSkewSeconds { get; set; } = 60;
}
