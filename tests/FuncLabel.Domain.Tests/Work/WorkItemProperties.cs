using FsCheck.Xunit;
using FuncLabel.Domain.Work;

namespace FuncLabel.Domain.Tests.Work;

/// <summary>Random operation sequences by random people keep the work item's invariants.</summary>
public sealed class WorkItemProperties
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    /// <remarks>
    /// 1–5 passes, k in 0–3, 6 people, 200 steps; each step advances the clock 0–20 minutes (claims last 30) and
    /// has a random person claim (draw or review), renew, submit, release, skip or review a random pass; the fan-out
    /// is applied for submitted passes with a job counter. After every step: no two passes drawn or draw-held by one
    /// person, no reviewer who drew on the asset, at most one claim per slot (by construction) and a review claim
    /// never held by a drawer.
    /// </remarks>
    [Property(MaxTest = 300)]
    public bool Operations_KeepInvariants(int seed)
    {
        var random = new Random(seed);
        var settings = new JobSettings(random.Next(1, 6), random.Next(0, 4), TimeSpan.FromMinutes(30), false);
        var item = WorkItem.Create("a", "v", settings, false);
        var people = new[] { "p0", "p1", "p2", "p3", "p4", "p5" };
        var now = T0;
        long counter = 0;
        int messages = 0;
        for (int step = 0; step < 200; step++)
        {
            now = now.AddMinutes(random.Next(0, 21));
            string who = people[random.Next(people.Length)];
            int pass = random.Next(1, settings.PassesPerFile + 1);
            WorkStep result = random.Next(7) switch
            {
                0 => item.Claim(who, TaskKind.Draw, now, settings.ClaimTimeout),
                1 => item.Claim(who, TaskKind.Review, now, settings.ClaimTimeout),
                2 => item.Renew(who, pass, now, settings.ClaimTimeout),
                3 => item.Submit(who, pass, "l" + step, "v"),
                4 => item.Release(who, pass),
                5 => item.Skip(who, pass, "r", now),
                _ => item.Review(who, pass, (ReviewOutcome)random.Next(3), "rv" + step, "ed" + step),
            };
            if (result.Succeeded)
            {
                item = result.Value;
            }

            foreach (var submitted in item.Passes.Where(p => p.Stage == PassStage.Submitted).ToList())
            {
                long? sequence = submitted.Attempt == 0 ? ++counter : null;
                item = item.ApplySubmission("m" + messages++, submitted.Pass, submitted.Attempt, sequence, settings.ReviewFrequency).Value;
            }

            if (!Holds(item, now))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Holds(WorkItem item, DateTimeOffset now)
    {
        var drawPeople = item.Passes.Select(p => p.Drawer ?? (p.OfferedKind == TaskKind.Draw ? p.Claim?.UserId : null)).OfType<string>().ToList();
        bool distinctDrawers = drawPeople.Count == drawPeople.Distinct().Count();
        var drawers = item.Passes.Select(p => p.Drawer).OfType<string>().ToHashSet();
        bool reviewersNotDrawers = item.Passes.All(p => p.Reviewer is null || p.Drawer != p.Reviewer);
        bool reviewClaims = item.Passes.Where(p => p.Stage == PassStage.Review && p.Claim is not null).All(p => !drawers.Contains(p.Claim!.UserId));
        bool reworkHasDrawer = item.Passes.Where(p => p.Stage == PassStage.Rework).All(p => p.Drawer is not null && p.Claim?.UserId == p.Drawer);
        return distinctDrawers && reviewersNotDrawers && reviewClaims && reworkHasDrawer;
    }
}
