namespace FuncLabel.Domain.Work;

/// <summary>Someone gave a task back as unlabelable; the asset is flagged for owners and the person is not served it again.</summary>
public sealed record SkipRecord(string UserId, int Pass, TaskKind Kind, string Reason, DateTimeOffset At);
