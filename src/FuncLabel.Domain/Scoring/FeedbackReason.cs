namespace FuncLabel.Domain.Scoring;

/// <summary>Why an instance did not earn full credit (serialised lower snake_case, e.g. <c>low_overlap</c>).</summary>
public enum FeedbackReason
{
    /// <summary>A gold instance no candidate matches (nor one of another class).</summary>
    Missing,

    /// <summary>A candidate instance that matches no gold instance.</summary>
    Extra,

    /// <summary>A candidate that matches a gold instance's shape but has another class.</summary>
    WrongClass,

    /// <summary>Matched with the right class, but its overlap is below the pass overlap.</summary>
    LowOverlap,

    /// <summary>Matched with the right class, but an answer (nested classification or global classification) differs.</summary>
    WrongAttribute,
}
