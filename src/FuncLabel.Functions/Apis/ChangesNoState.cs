namespace FuncLabel.Functions.Apis;

/// <summary>
/// Marks a non-GET endpoint that changes no state (a computation such as <c>POST /api/score</c> or an import
/// dry run), so it owes no ledger event. The ledger coverage test holds every other non-GET endpoint to one.
/// </summary>
public sealed record ChangesNoStateMetadata;

public static class ChangesNoStateExtensions
{
    public static TBuilder ChangesNoState<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new ChangesNoStateMetadata());
        return builder;
    }
}
