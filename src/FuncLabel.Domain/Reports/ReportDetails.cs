using System.Globalization;
using System.Text.Json;
using FuncLabel.Domain.Scoring;

namespace FuncLabel.Domain.Reports;

/// <summary>
/// The ledger <c>details</c> keys the reports read, in one place so the code that writes an event and the builders
/// that read it cannot drift apart. Details are flat strings (the ledger's contract); numbers use the invariant
/// culture, durations are whole seconds, rates 0–100 with at most two decimals.
/// </summary>
public static class ReportDetails
{
    /// <summary><c>task.submitted</c>: seconds from the draw claim to the submit.</summary>
    public const string SecondsOnTask = "secondsOnTask";

    /// <summary>
    /// <c>work.review_selected</c>/<c>work.pass_final</c> (the fan-out applying a first draw, with <see cref="Drawer"/>):
    /// pre-labels the drawer started from (absent on rework).
    /// </summary>
    public const string PrelabelsOffered = "prelabelsOffered";

    /// <summary>With <see cref="PrelabelsOffered"/>: pre-labels submitted unchanged (same uuid and annotation).</summary>
    public const string PrelabelsUnchanged = "prelabelsUnchanged";

    /// <summary>With <see cref="PrelabelsOffered"/>: pre-labels submitted with changes (same uuid, different annotation).</summary>
    public const string PrelabelsEdited = "prelabelsEdited";

    /// <summary><c>task.reviewed</c> and the fan-out's first-draw events: the user who drew the pass.</summary>
    public const string Drawer = "drawer";

    /// <summary><c>work.consensus</c>: prefix of per-pass keys <c>pass.{n}.drawer</c> and <c>pass.{n}.agreement</c>.</summary>
    public const string PassPrefix = "pass.";

    /// <summary><c>attempt.finished</c>: prefix of per-class keys <c>feedback.{classId}</c> = <c>reason=count,reason=count</c>.</summary>
    public const string FeedbackPrefix = "feedback.";

    public static string PassDrawerKey(int pass) => $"{PassPrefix}{pass.ToString(CultureInfo.InvariantCulture)}.drawer";

    public static string PassAgreementKey(int pass) => $"{PassPrefix}{pass.ToString(CultureInfo.InvariantCulture)}.agreement";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The <c>attempt.finished</c> feedback keys: one <c>feedback.{classId}</c> per class with feedback, valued
    /// <c>reason=count</c> pairs joined by commas, reasons in enum order (lower snake_case names).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Feedback(IEnumerable<(string ClassId, FeedbackReason Reason)> feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return feedback
            .GroupBy(f => f.ClassId, StringComparer.Ordinal)
            .ToDictionary(
                g => FeedbackPrefix + g.Key,
                g => string.Join(',', g.GroupBy(f => f.Reason).OrderBy(r => r.Key).Select(r => $"{ReasonName(r.Key)}={Number(r.Count())}")),
                StringComparer.Ordinal);
    }

    /// <summary>Reads one <c>feedback.{classId}</c> value back; pairs it cannot read (an unknown reason) are left out.</summary>
    public static IEnumerable<(FeedbackReason Reason, int Count)> ReadFeedback(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at > 0 && Reasons.TryGetValue(pair[..at], out var reason)
                && int.TryParse(pair.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                yield return (reason, count);
            }
        }
    }

    public static string ReasonName(FeedbackReason reason) => JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString());

    private static readonly Dictionary<string, FeedbackReason> Reasons =
        Enum.GetValues<FeedbackReason>().ToDictionary(ReasonName, r => r, StringComparer.Ordinal);
}
