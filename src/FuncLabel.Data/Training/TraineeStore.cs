using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Training;

/// <summary>A user's attempts and practice runs (container <c>users</c>, pk <c>{userId}</c>).</summary>
internal sealed class TraineeStore(CosmosDatabase database, StateWriter writer)
{
    private static readonly ContainerDefinition Users = ContainerDefinitions.Users;

    private DocumentContainer Documents => database.Container(Users);

    public Task<AttemptDocument?> GetAttemptAsync(string userId, string attemptId, CancellationToken cancellationToken) =>
        Documents.ReadAsync<AttemptDocument>(userId, AttemptDocument.IdFor(attemptId), cancellationToken);

    public Task<Page<AttemptDocument>> ListAttemptsAsync(string userId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Documents.QueryPageAsync<AttemptDocument>(new PartitionQuery(userId, "c.docType = 'attempt'"), limit, continuationToken, cancellationToken);

    /// <summary>The user's attempts at one exam (for the attempts limit and "resume the open attempt").</summary>
    public IAsyncEnumerable<AttemptDocument> AttemptsAtAsync(string userId, string projectId, string examId, CancellationToken cancellationToken) =>
        Documents.QueryAllAsync<AttemptDocument>(
            new PartitionQuery(userId, "c.docType = 'attempt' AND c.projectId = @project AND c.examId = @exam").With("@project", projectId).With("@exam", examId),
            cancellationToken);

    /// <summary>Creates an attempt; <see cref="WriteFailure.AlreadyExists"/> when another request took this attempt number.</summary>
    public Task<WriteResult<AttemptDocument>> CreateAttemptAsync(AttemptDocument attempt, ChangeContext change, CancellationToken cancellationToken) =>
        writer.CreateAsync(Users, StateChange.Next(attempt, change, AttemptDocument.Resource(attempt.AttemptId), "attempt.started", Details(attempt)), cancellationToken);

    /// <summary>Replaces the attempt as read (its ETag) with <paramref name="extra"/> outbox entries (credential grants on finish).</summary>
    public Task<WriteResult<AttemptDocument>> UpdateAttemptAsync(
        AttemptDocument attempt, ChangeContext change, string action, IReadOnlyDictionary<string, string>? details, IEnumerable<OutboxEntry>? extra, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, string>(Details(attempt));
        foreach (var (key, value) in details ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return writer.ReplaceAsync(Users, StateChange.Next(attempt, change, AttemptDocument.Resource(attempt.AttemptId), action, all, extra), cancellationToken);
    }

    public Task<WriteResult<PracticeDocument>> CreatePracticeAsync(PracticeDocument practice, ChangeContext change, CancellationToken cancellationToken) =>
        writer.CreateAsync(
            Users,
            StateChange.Next(practice, change, PracticeDocument.Resource(practice.UserId, practice.PracticeId), "practice.scored",
                new Dictionary<string, string>
                {
                    ["userId"] = practice.UserId,
                    ["templateId"] = practice.TemplateId,
                    ["templateVersion"] = practice.TemplateVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["score"] = practice.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }),
            cancellationToken);

    /// <summary>The user's practice runs of one template (history).</summary>
    public Task<Page<PracticeDocument>> ListPracticeAsync(string userId, string projectId, string templateId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Documents.QueryPageAsync<PracticeDocument>(
            new PartitionQuery(userId, "c.docType = 'practice' AND c.projectId = @project AND c.templateId = @template").With("@project", projectId).With("@template", templateId),
            limit,
            continuationToken,
            cancellationToken);

    private static Dictionary<string, string> Details(AttemptDocument attempt) => new()
    {
        ["userId"] = attempt.UserId,
        ["examId"] = attempt.ExamId,
        ["number"] = attempt.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
