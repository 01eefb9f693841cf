using System.Globalization;
using FuncLabel.Data.Cosmos;

namespace FuncLabel.Data.Ledger;

/// <summary>
/// An immutable ledger event: who changed which resource to which version, when. Its id is
/// <c>{resource}:v{version}</c>, so performing it twice is one create and one 409 (docs/architecture.md, State, events and idempotency).
/// Partition: <c>{projectId or org}:{yyyy-MM-dd}</c> of <see cref="At"/>, one report day per partition.
/// </summary>
internal sealed record LedgerEvent : CosmosDocument
{
    public const string OrgScope = "org";

    public override string DocType => "ledger";

    /// <summary>The project the event belongs to, or <c>org</c> for organisation-wide resources.</summary>
    public required string Scope { get; init; }

    /// <summary>What changed, e.g. <c>project:abc</c> or <c>member:abc:alice</c>.</summary>
    public required string Resource { get; init; }

    public required long ResourceVersion { get; init; }

    /// <summary>A dotted verb, e.g. <c>project.created</c>, <c>member.removed</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The user id of who caused it, or <c>system</c>.</summary>
    public required string Actor { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>A few facts reports need (role, reason, counts), flat strings only.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    public static string PartitionFor(string scope, DateTimeOffset at) =>
        $"{scope}:{at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static string IdFor(string resource, long version) => $"{resource}:v{version.ToString(CultureInfo.InvariantCulture)}";

    public static LedgerEvent Create(
        string scope, string resource, long version, string action, string actor, DateTimeOffset at, IReadOnlyDictionary<string, string>? details = null) => new()
    {
        Id = IdFor(resource, version),
        Pk = PartitionFor(scope, at),
        Scope = scope,
        Resource = resource,
        ResourceVersion = version,
        Action = action,
        Actor = actor,
        At = at,
        Details = details ?? new Dictionary<string, string>(),
    };
}
