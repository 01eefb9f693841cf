namespace FuncLabel.Functions.Validation;

/// <summary>Configuration section <c>Limits</c>.</summary>
internal sealed class RequestLimitSettings
{
    public const string SectionName = "Limits";

    /// <summary>Largest request body accepted, in bytes (default 4 MiB; pre-label files go to blob storage, not the API).</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
