using System.Text;

namespace FuncLabel.Storage.Sas;

/// <summary>Joins SAS query parameters with every value percent-encoded (so <c>sig</c>'s <c>+ / =</c> survive).</summary>
internal sealed class SasQueryBuilder
{
    private readonly StringBuilder _query = new();

    public SasQueryBuilder Add(string name, string value)
    {
        if (_query.Length > 0)
        {
            _query.Append('&');
        }

        _query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public SasQueryBuilder AddIfAny(string name, string? value) => string.IsNullOrEmpty(value) ? this : Add(name, value);

    public override string ToString() => _query.ToString();
}
