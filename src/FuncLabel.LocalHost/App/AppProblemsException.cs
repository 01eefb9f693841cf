namespace FuncLabel.LocalHost.App;

/// <summary>The app cannot run as configured; <see cref="Problems"/> lists every reason found, for one start-up message.</summary>
internal sealed class AppProblemsException(IReadOnlyList<string> problems)
    : Exception("The app cannot run: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
