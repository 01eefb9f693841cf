using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Validation;

/// <summary>Collects every field error of a request so one answer names them all; nothing is written unless it is empty.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            _errors[field] = reasons = [];
        }

        reasons.Add(reason);
        return this;
    }

    /// <summary>Required text within length bounds, without control characters.</summary>
    public FieldErrors Text(string field, string? value, int min, int max, bool required = true)
    {
        if (value is null)
        {
            return required ? Add(field, "is required") : this;
        }

        if (value.Length < min || value.Length > max)
        {
            return Add(field, $"must be {min}–{max} characters long (was {value.Length})");
        }

        return value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? Add(field, "must not contain control characters") : this;
    }

    public FieldErrors Check(bool ok, string field, string reason) => ok ? this : Add(field, reason);

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
