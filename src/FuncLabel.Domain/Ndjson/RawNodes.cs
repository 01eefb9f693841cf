namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// The nodes of the answer trees read from lines (<see cref="RawClassification"/>, <see cref="RawAnswer"/>,
/// <see cref="RawOption"/> and their lists), kept by one parser and handed out again for every line: a line's raw
/// tree lives only until the line is resolved, so the next line can reuse it and a file's answers allocate only what
/// the resolved annotations keep.
/// </summary>
internal sealed class RawNodes
{
    private readonly Pool<RawClassification> _classifications = new();
    private readonly Pool<RawAnswer> _answers = new();
    private readonly Pool<RawOption> _options = new();
    private readonly Pool<List<RawClassification>> _classificationLists = new();
    private readonly Pool<List<RawOption>> _optionLists = new();

    /// <summary>Takes every node back; the previous line's tree must no longer be in use.</summary>
    public void Reset()
    {
        _classifications.Reset();
        _answers.Reset();
        _options.Reset();
        _classificationLists.Reset();
        _optionLists.Reset();
    }

    public RawClassification Classification(string? name, string? schemaId, RawAnswer? answer)
    {
        var node = _classifications.Take();
        node.Name = name;
        node.SchemaId = schemaId;
        node.Answer = answer;
        return node;
    }

    public RawAnswer Answer(RawOption? option, List<RawOption>? options, string? text)
    {
        var node = _answers.Take();
        node.Option = option;
        node.Options = options;
        node.Text = text;
        return node;
    }

    public RawOption Option(string? name, string? schemaId, List<RawClassification>? classifications)
    {
        var node = _options.Take();
        node.Name = name;
        node.SchemaId = schemaId;
        node.Classifications = classifications;
        return node;
    }

    public List<RawClassification> ClassificationList()
    {
        var list = _classificationLists.Take();
        list.Clear();
        return list;
    }

    public List<RawOption> OptionList()
    {
        var list = _optionLists.Take();
        list.Clear();
        return list;
    }

    /// <summary>Instances handed out in order since the last reset, created the first time each is needed.</summary>
    private sealed class Pool<T>
        where T : class, new()
    {
        private readonly List<T> _items = [];
        private int _used;

        public T Take()
        {
            if (_used == _items.Count)
            {
                _items.Add(new T());
            }

            return _items[_used++];
        }

        public void Reset() => _used = 0;
    }
}
