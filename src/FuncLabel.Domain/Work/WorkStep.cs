namespace FuncLabel.Domain.Work;

/// <summary>The outcome of a work item operation: the next state and the pass it concerned, or why not.</summary>
public readonly record struct WorkStep(WorkItem? Next, int Pass, WorkRefusal? Refusal)
{
    public bool Succeeded => Refusal is null;

    public WorkItem Value => Next ?? throw new InvalidOperationException($"The step was refused: {Refusal}.");

    public static WorkStep Ok(WorkItem next, int pass) => new(next, pass, null);

    public static WorkStep Refused(WorkRefusal refusal, int pass = 0) => new(null, pass, refusal);
}
