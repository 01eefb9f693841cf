using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Credentials;

/// <summary>
/// An organisation-wide credential type (container <c>catalog</c>, pk <c>credential-types</c>, id = type id):
/// a certification project's exam can award it and any project's job can require it.
/// </summary>
internal sealed record CredentialTypeDocument : VersionedDocument
{
    public const string PartitionKey = "credential-types";

    public override string DocType => "credential-type";

    public required string TypeId { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Days a grant stays valid; null = no expiry.</summary>
    public int? ValidityDays { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static string Resource(string typeId) => $"credential-type:{typeId}";
}
