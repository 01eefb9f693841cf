using FuncLabel.Data.Credentials;
using FuncLabel.Functions.Validation;

namespace FuncLabel.Functions.Credentials;

/// <summary>The rule for a job's <c>requiredCredentials</c>: known credential type ids, each at most once.</summary>
internal static class RequiredCredentialsRule
{
    /// <summary>More would make every claim pay as many point reads; no real job certifies that many things.</summary>
    public const int MaxTypes = 20;

    /// <summary>
    /// Adds a field error per problem (<c>requiredCredentials[i]</c> for an unknown or repeated id). One point read per
    /// distinct well-formed id; null (absent from the request) is always fine.
    /// </summary>
    public static async Task CheckAsync(IReadOnlyList<string>? typeIds, CredentialStore credentials, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (typeIds is null)
        {
            return;
        }

        if (typeIds.Count > MaxTypes)
        {
            errors.Add("requiredCredentials", $"must list at most {MaxTypes} credential types (was {typeIds.Count})");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < typeIds.Count; i++)
        {
            var id = typeIds[i];
            if (id is null || !Ids.IsResourceId(id))
            {
                errors.Add($"requiredCredentials[{i}]", "must be a credential type id");
            }
            else if (!seen.Add(id))
            {
                errors.Add($"requiredCredentials[{i}]", $"credential type '{id}' is listed twice");
            }
            else if (await credentials.GetTypeAsync(id, cancellationToken) is null)
            {
                errors.Add($"requiredCredentials[{i}]", $"credential type '{id}' does not exist");
            }
        }
    }
}
