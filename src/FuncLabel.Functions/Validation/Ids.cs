using System.Text.RegularExpressions;

namespace FuncLabel.Functions.Validation;

/// <summary>
/// The shapes ids may take. Project ids also name blob folders (<c>assets/{projectId}/…</c>), so they are
/// lower-case and path-safe; no id may contain <c>/</c>, control characters or <c>..</c> (docs/product.md,
/// Identifiers and units: ids never contain <c>/</c>; ids made from external strings are hashes).
/// </summary>
internal static partial class Ids
{
    public const int MaxUserIdLength = 128;

    public static bool IsProjectId(string? value) => value is not null && ProjectIdPattern().IsMatch(value);

    /// <summary>Token subjects: Entra object ids (GUIDs) or other issuers' <c>sub</c> values.</summary>
    public static bool IsUserId(string? value) =>
        value is { Length: > 0 and <= MaxUserIdLength } && UserIdPattern().IsMatch(value) && !value.Contains("..", StringComparison.Ordinal);

    /// <summary>Ids of jobs, templates, exams, credential types: like project ids.</summary>
    public static bool IsResourceId(string? value) => IsProjectId(value);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectIdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();
}
