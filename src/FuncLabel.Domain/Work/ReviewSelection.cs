namespace FuncLabel.Domain.Work;

/// <summary>
/// Exact every-k-th review selection: the job counts first submissions in the order the fan-out applies them
/// (1, 2, 3, …) and the submissions numbered k, 2k, 3k, … are reviewed. Reworked passes are not counted again;
/// they always go back to review, since a reviewer rejected them.
/// </summary>
public static class ReviewSelection
{
    public static bool IsSelected(long sequence, int reviewFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(reviewFrequency);
        return reviewFrequency > 0 && sequence % reviewFrequency == 0;
    }
}
