using System.Text;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// The path of the field being read (<c>classifications[0].answer.name</c>), kept as a stack of segments and turned
/// into a string only when a line is refused, so accepted lines pay no allocation for it.
/// </summary>
internal sealed class FieldPath
{
    private readonly List<(string? Name, int Index)> _segments = [];

    public void Clear() => _segments.Clear();

    public void Push(string name) => _segments.Add((name, -1));

    public void Push(int index) => _segments.Add((null, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    /// <summary>The path, plus an optional relative suffix such as <c>width</c> or <c>[3].x</c>.</summary>
    public string ToString(string? suffix)
    {
        var text = new StringBuilder();
        foreach (var (name, index) in _segments)
        {
            if (name is null)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(name);
            }
        }

        if (!string.IsNullOrEmpty(suffix))
        {
            if (text.Length > 0 && suffix[0] != '[')
            {
                text.Append('.');
            }

            text.Append(suffix);
        }

        return text.ToString();
    }

    public override string ToString() => ToString(null);
}
