namespace FuncLabel.Domain.Work;

/// <summary>
/// How a job turns an asset into work: <see cref="PassesPerFile"/> blind draw passes, each by a different person;
/// every <see cref="ReviewFrequency"/>-th submitted first attempt reviewed (0 = no reviews); claims held for
/// <see cref="ClaimTimeout"/> unless renewed; and whether an asset whose every instance was auto-accepted gets no
/// draw passes at all (<see cref="SkipAutoAccepted"/>).
/// </summary>
public sealed record JobSettings(int PassesPerFile, int ReviewFrequency, TimeSpan ClaimTimeout, bool SkipAutoAccepted)
{
    public const int MaxPasses = 9;

    public static readonly TimeSpan DefaultClaimTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The fields that make these settings unusable (field name, reason); empty when valid.</summary>
    public IReadOnlyList<(string Field, string Reason)> Problems()
    {
        var problems = new List<(string, string)>();
        if (PassesPerFile is < 1 or > MaxPasses)
        {
            problems.Add(("passesPerFile", $"must lie in [1, {MaxPasses}]"));
        }

        if (ReviewFrequency < 0)
        {
            problems.Add(("reviewFrequency", "must be 0 (no reviews) or a positive k (every k-th submission)"));
        }

        if (ClaimTimeout < TimeSpan.FromMinutes(1) || ClaimTimeout > TimeSpan.FromDays(1))
        {
            problems.Add(("claimTimeoutMinutes", "must lie in [1, 1440]"));
        }

        return problems;
    }
}
