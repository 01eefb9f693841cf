namespace FuncLabel.Domain.Ontologies;

/// <summary>
/// Confidence routing for model pre-labels of one class (docs/product.md, capability 2):
/// <c>confidence &gt;= AutoAcceptAt</c> → accepted without a human; <c>DropBelow &lt;= confidence &lt; AutoAcceptAt</c>
/// → pre-label a human corrects; <c>confidence &lt; DropBelow</c> → discarded and counted; no confidence → pre-label.
/// </summary>
/// <remarks>Both values lie in [0, 1] and <c>DropBelow &lt;= AutoAcceptAt</c>. "Never auto-accept" is a null
/// <see cref="AutoAcceptAt"/> rather than a number above 1, because a model may emit exactly 1 and infinity is not
/// representable in JSON.</remarks>
public sealed record ConfidenceThresholds
{
    /// <summary>Project default when nothing is configured: never auto-accept, never drop.</summary>
    public static ConfidenceThresholds Default { get; } = new(autoAcceptAt: null, dropBelow: 0);

    /// <param name="autoAcceptAt">Confidence at or above which a pre-label is accepted; null = never auto-accept.</param>
    /// <param name="dropBelow">Confidence below which a pre-label is discarded; 0 = never drop.</param>
    public ConfidenceThresholds(double? autoAcceptAt, double dropBelow)
    {
        if (autoAcceptAt is { } accept && !(accept is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(autoAcceptAt), accept, "Must lie in [0, 1].");
        }

        if (!(dropBelow is >= 0 and <= 1) || (autoAcceptAt is { } a && dropBelow > a))
        {
            throw new ArgumentOutOfRangeException(nameof(dropBelow), dropBelow, "Must lie in [0, autoAcceptAt].");
        }

        AutoAcceptAt = autoAcceptAt;
        DropBelow = dropBelow;
    }

    /// <summary>Null means "never auto-accept".</summary>
    public double? AutoAcceptAt { get; }

    public double DropBelow { get; }

    /// <summary>True when the pair is valid; for checking untrusted input without exceptions.</summary>
    public static bool AreValid(double? autoAcceptAt, double dropBelow) =>
        (autoAcceptAt is null || autoAcceptAt is >= 0 and <= 1) && dropBelow is >= 0 and <= 1 && (autoAcceptAt is not { } a || dropBelow <= a);

    /// <summary>Where a pre-label with this confidence goes.</summary>
    public ConfidenceRoute Route(double? confidence) => confidence switch
    {
        null => ConfidenceRoute.Prelabel,
        { } c when AutoAcceptAt is { } accept && c >= accept => ConfidenceRoute.Accept,
        { } c when c < DropBelow => ConfidenceRoute.Drop,
        _ => ConfidenceRoute.Prelabel,
    };
}

/// <summary>The outcome of <see cref="ConfidenceThresholds.Route"/>.</summary>
public enum ConfidenceRoute
{
    /// <summary>Shown to a human as a starting point.</summary>
    Prelabel,

    /// <summary>Accepted as model output; no human needed for this instance.</summary>
    Accept,

    /// <summary>Discarded and counted.</summary>
    Drop,
}
