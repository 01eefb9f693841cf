using FuncLabel.Data.Outbox;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Work;

namespace FuncLabel.Functions.Work;

/// <summary>
/// The <c>task-events</c> consumer. A submission of a first attempt takes the next job-wide number (the job counter,
/// idempotent by message id) and is reviewed when the number is a multiple of k, else final; a reworked attempt goes
/// back to review. The work item records the message id with the change, so a redelivery changes nothing. Then,
/// whatever the message, consensus runs if every pass is final.
/// </summary>
public sealed class TaskFanOut(WorkStore work, JobStore jobs, ConsensusRunner consensus, TimeProvider time)
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
            while (true)
            {
                var slot = item.Item.Find(message.Pass);
                long? sequence = null;
                if (message.Attempt == 0 && slot is { Stage: PassStage.Submitted, Attempt: 0 } && !item.Item.AppliedMessages.Contains(message.Id))
                {
                    sequence = slot.Sequence ?? await work.NumberAsync(message.ProjectId, message.JobId, message.Id, cancellationToken);
                }

                var step = item.Item.ApplySubmission(message.Id, message.Pass, message.Attempt, sequence, job.ReviewFrequency);
                if (!step.Succeeded)
                {
                    outcome = "already applied";
                    break;
                }

                var stage = step.Value.Find(message.Pass)?.Stage;
                var action = stage == PassStage.Review ? "work.review_selected" : stage == PassStage.Final ? "work.pass_final" : "work.message_ignored";
                var details = new Dictionary<string, string> { ["pass"] = message.Pass.ToString(System.Globalization.CultureInfo.InvariantCulture), ["message"] = message.Id };
                if (sequence is { } n)
                {
                    details["sequence"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var written = await work.ReplaceAsync(item, step.Value, new ChangeContext("system", time.GetUtcNow(), item.ProjectId), action, details, null, cancellationToken);
                if (written.Succeeded)
                {
                    item = written.Value;
                    outcome = action;
                    break;
                }

                item = await work.GetAsync(message.ProjectId, message.JobId, message.AssetId!, cancellationToken) ?? throw new InvalidOperationException("Work item vanished.");
            }
        }

        bool merged = await consensus.RunIfReadyAsync(item, cancellationToken);
        return merged ? outcome + "; consensus" : outcome;
    }
}
