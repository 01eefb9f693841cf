using System.Globalization;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Reports;
using FuncLabel.Domain.Work;

namespace FuncLabel.Functions.Work;

/// <summary>
/// The <c>task-events</c> consumer. A submission of a first attempt takes the next job-wide number (the job counter,
/// idempotent by message id) and is reviewed when the number is a multiple of k, else final; a reworked attempt goes
/// back to review. The work item records the message id with the change, so a redelivery changes nothing. Then,
/// whatever the message, consensus runs if every pass is final.
/// </summary>
/// <remarks>
/// The submit request sends its message and leaves its ledger event on the item (<see cref="SideEffects.SendMessages"/>):
/// this consumer's write drops the delivered message's entry and performs what was left with its own event. Its event
/// also carries what the quality report needs that the submit did not look up: the drawer and, on a first draw, what
/// became of the pre-labels the drawer started from (<see cref="PrelabelUseLookup"/>).
/// </remarks>
internal sealed class TaskFanOut(WorkStore work, JobStore jobs, ConsensusRunner consensus, PrelabelUseLookup prelabels, TimeProvider time)
{
    public async Task<string> HandleAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        var item = await work.GetAsync(message.ProjectId, message.JobId, message.AssetId!, cancellationToken);
        if (item is null)
        {
            return "no such work item";
        }

        string outcome = "nothing to apply";
        if (message.Kind == WorkMessageKind.Submitted)
        {
            var job = await jobs.GetAsync(message.ProjectId, message.JobId, cancellationToken)
                ?? throw new InvalidOperationException($"Job {message.JobId} is missing.");
            IReadOnlyDictionary<string, string>? use = null;
            (item, outcome) = await ConditionalUpdate.RunAsync(
                $"work item {message.ProjectId}/{message.JobId}/{message.AssetId}",
                item,
                async ct => await work.GetAsync(message.ProjectId, message.JobId, message.AssetId!, ct) ?? throw new InvalidOperationException("Work item vanished."),
                async (current, ct) =>
                {
                    var slot = current.Item.Find(message.Pass);
                    long? sequence = null;
                    bool fresh = message.Attempt == 0 && slot is { Stage: PassStage.Submitted, Attempt: 0 } && !current.Item.AppliedMessages.Contains(message.Id);
                    if (fresh)
                    {
                        sequence = slot!.Sequence ?? await work.NumberAsync(message.ProjectId, message.JobId, message.Id, ct);
                        use ??= await prelabels.DetailsAsync(current, slot, ct);
                    }

                    var step = current.Item.ApplySubmission(message.Id, message.Pass, message.Attempt, sequence, job.ReviewFrequency);
                    if (!step.Succeeded)
                    {
                        return UpdateDecision.Done((current, "already applied"));
                    }

                    var stage = step.Value.Find(message.Pass)?.Stage;
                    var action = stage == PassStage.Review ? "work.review_selected" : stage == PassStage.Final ? "work.pass_final" : "work.message_ignored";
                    var details = new Dictionary<string, string> { ["pass"] = message.Pass.ToString(CultureInfo.InvariantCulture), ["message"] = message.Id };
                    if (sequence is { } n)
                    {
                        details["sequence"] = n.ToString(CultureInfo.InvariantCulture);
                        details[ReportDetails.Drawer] = slot!.Drawer ?? "";
                        foreach (var (key, value) in use!) // looked up whenever a sequence is taken
                        {
                            details[key] = value;
                        }
                    }

                    return UpdateDecision.Write(
                        ct => work.ReplaceAsync(current, step.Value, new ChangeContext("system", time.GetUtcNow(), current.ProjectId), action, details, null, ct, delivered: message.Id),
                        written => (written, action));
                },
                cancellationToken);
        }

        bool merged = await consensus.RunIfReadyAsync(item, cancellationToken);
        return merged ? outcome + "; consensus" : outcome;
    }
}
