namespace FuncLabel.LocalHost.Blobs;

/// <summary>
/// Event Grid's subject filter: the event subject (<c>/blobServices/default/containers/{c}/blobs/{name}</c>) must start
/// with <see cref="BeginsWith"/> and end with <see cref="EndsWith"/> when they are set; case-insensitive by default,
/// like a subscription's <c>isSubjectCaseSensitive: false</c>.
/// </summary>
internal sealed record SubjectFilter(string? BeginsWith, string? EndsWith, bool CaseSensitive)
{
    public bool Matches(string subject)
    {
        var comparison = CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return (string.IsNullOrEmpty(BeginsWith) || subject.StartsWith(BeginsWith, comparison))
               && (string.IsNullOrEmpty(EndsWith) || subject.EndsWith(EndsWith, comparison));
    }
}
