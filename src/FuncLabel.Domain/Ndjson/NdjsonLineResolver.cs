using System.Collections.Immutable;
using System.Runtime.InteropServices;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Masks;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// Resolves a <see cref="RawAnnotation"/> against the ontology and the asset's extent: class and nested questions by
/// <c>schemaId</c> (or, failing that, <c>name</c>; when both are given they must agree), the shape or answer against
/// the class's tool, options against the question, and geometry through <see cref="GeometryPolicy"/>.
/// </summary>
internal sealed class NdjsonLineResolver(NdjsonReaderOptions options)
{
    private readonly FieldPath _path = new();
    private readonly LeafAnswers _leaves = new();

    public bool TryResolve(RawAnnotation raw, out DataRowReference? dataRow, out Annotation? annotation, out bool repaired, out LineFault fault)
    {
        _path.Clear();
        dataRow = null;
        annotation = null;
        repaired = false;
        fault = default;
        if (raw.Uuid is not { } uuid)
        {
            return Fail("uuid", NdjsonErrorReason.MissingUuid, "Every line needs a uuid.", out fault);
        }

        if (!raw.HasDataRow || (raw.DataRowById is null && raw.DataRowByKey is null))
        {
            return Fail("dataRow", NdjsonErrorReason.MissingDataRow, "dataRow with id or globalKey is required.", out fault);
        }

        if (raw.DataRowById is not null && raw.DataRowByKey is not null)
        {
            return Fail("dataRow", NdjsonErrorReason.AmbiguousDataRow, "dataRow has both id and globalKey; give exactly one.", out fault);
        }

        dataRow = raw.DataRowById ?? raw.DataRowByKey!;
        if (raw.SchemaId is null && raw.Name is null)
        {
            return Fail(string.Empty, NdjsonErrorReason.MissingClass, "Name the class with name or schemaId.", out fault);
        }

        var @class = raw.SchemaId is not null ? options.Ontology.FindBySchemaId(raw.SchemaId) : options.Ontology.FindByName(raw.Name!);
        if (@class is null || (raw.SchemaId is not null && raw.Name is not null && @class.Name != raw.Name))
        {
            var field = raw.SchemaId is not null ? "schemaId" : "name";
            return Fail(field, NdjsonErrorReason.UnknownClass, $"The ontology (version {options.Ontology.Version}) has no class '{raw.SchemaId ?? raw.Name}'{(@class is null ? string.Empty : $" named '{raw.Name}'")}.", out fault);
        }

        if (@class.Tool.IsClassification())
        {
            if (raw.Shape != RawShape.None)
            {
                return Fail(NdjsonLineParser.ShapeField(raw.Shape), NdjsonErrorReason.WrongToolForClass, $"'{@class.Name}' is a {ToolName(@class.Tool)} classification, so the line needs 'answer'; it has '{NdjsonLineParser.ShapeField(raw.Shape)}'.", out fault);
            }

            if (raw.Classifications is { Count: > 0 })
            {
                return Fail("classifications", NdjsonErrorReason.WrongToolForClass, $"'{@class.Name}' is a {ToolName(@class.Tool)} classification; its nested questions go under the chosen option, not in 'classifications' beside the answer.", out fault);
            }

            _path.Push("answer");
            var answer = ResolveAnswer(@class, raw.Answer, out fault, out _);
            _path.Pop();
            if (answer is null)
            {
                return false;
            }

            annotation = new Annotation(uuid, @class.SchemaId, answer, options.Source, raw.Confidence);
            return true;
        }

        if (raw.Answer is not null)
        {
            return Fail("answer", NdjsonErrorReason.WrongToolForClass, WrongShape(@class, "'answer'"), out fault);
        }

        if (raw.Shape != ShapeFor(@class.Tool))
        {
            var field = raw.Shape == RawShape.None ? string.Empty : NdjsonLineParser.ShapeField(raw.Shape);
            var has = raw.Shape == RawShape.None ? "no shape" : $"'{field}'";
            return Fail(field, NdjsonErrorReason.WrongToolForClass, WrongShape(@class, has), out fault);
        }

        if (!TryBuildGeometry(raw, out var geometry, out fault))
        {
            return false;
        }

        var check = GeometryPolicy.Evaluate(geometry!, options.ExtentOf?.Invoke(dataRow) ?? AssetExtent.Unknown);
        if (check.Problem is { } problem)
        {
            var reason = problem.Kind == GeometryProblemKind.OutOfBounds ? NdjsonErrorReason.OutOfBounds : NdjsonErrorReason.InvalidGeometry;
            return Fail(Join(NdjsonLineParser.ShapeField(raw.Shape), problem.Field), reason, problem.Message, out fault);
        }

        _path.Push("classifications");
        var classifications = ResolveClassifications(@class.Classifications, raw.Classifications, out fault);
        _path.Pop();
        if (classifications is null)
        {
            return false;
        }

        repaired = check.Repaired;
        annotation = new Annotation(uuid, @class.SchemaId, check.Geometry!, classifications, options.Source, raw.Confidence);
        return true;
    }

    private bool TryBuildGeometry(RawAnnotation raw, out AnnotationGeometry? geometry, out LineFault fault)
    {
        fault = default;
        geometry = null;
        switch (raw.Shape)
        {
            case RawShape.Bbox:
                geometry = new BoundingBox(raw.Left, raw.Top, raw.Width, raw.Height);
                return true;
            case RawShape.Point:
                geometry = new PointGeometry(raw.X, raw.Y);
                return true;
            case RawShape.Polygon:
                geometry = new PolygonGeometry(ValueList.Wrap(raw.Points));
                return true;
            case RawShape.Line:
                geometry = new PolylineGeometry(ValueList.Wrap(raw.Points));
                return true;
            case RawShape.Location:
                geometry = new TextSpan(raw.Start, raw.End);
                return true;
            default:
                return TryBuildMask(raw, out geometry, out fault);
        }
    }

    private bool TryBuildMask(RawAnnotation raw, out AnnotationGeometry? geometry, out LineFault fault)
    {
        geometry = null;
        if (raw.MaskUri is { } uri)
        {
            if (!MaskUriPolicy.TryResolve(uri, options, out var blobPath, out var reason))
            {
                return Fail($"mask.{raw.MaskUriField}", NdjsonErrorReason.ExternalUrl, reason, out fault);
            }

            if (raw.MaskColor is not { } color)
            {
                return Fail("mask.colorRGB", NdjsonErrorReason.InvalidGeometry, "A mask reference needs colorRGB to pick the instance.", out fault);
            }

            geometry = new MaskBlobReference(blobPath, color);
            fault = default;
            return true;
        }

        var decoded = MaskDecoder.FromBase64Png(raw.MaskPng!, raw.MaskColor);
        if (decoded.Mask is null)
        {
            return Fail("mask.png", NdjsonErrorReason.InvalidGeometry, decoded.Message!, out fault);
        }

        geometry = decoded.Mask;
        fault = default;
        return true;
    }

    private ValueList<Classification>? ResolveClassifications(ValueList<OntologyClass> questions, List<RawClassification>? raws, out LineFault fault)
    {
        fault = default;
        if (raws is null || raws.Count == 0)
        {
            return ValueList<Classification>.Empty;
        }

        if (raws.Count == 1)
        {
            _path.Push(0);
            var only = ResolveClassification(questions, raws[0], [], out fault, out var leaf);
            _path.Pop();
            return only is null ? null : leaf?.Alone ?? ValueList.Wrap(ImmutableArray.Create(only));
        }

        // Filled in place and handed over without a copy (no builder): every slot is set before the array escapes.
        var resolved = new Classification[raws.Count];
        for (var i = 0; i < raws.Count; i++)
        {
            _path.Push(i);
            var classification = ResolveClassification(questions, raws[i], resolved.AsSpan(0, i), out fault, out _);
            _path.Pop();
            if (classification is null)
            {
                return null;
            }

            resolved[i] = classification;
        }

        return ValueList.Wrap(ImmutableCollectionsMarshal.AsImmutableArray(resolved));
    }

    /// <summary>One nested question and its answer; <paramref name="leaf"/> is set when the answer is a shared leaf choice.</summary>
    private Classification? ResolveClassification(ValueList<OntologyClass> questions, RawClassification raw, ReadOnlySpan<Classification> siblings, out LineFault fault, out LeafAnswers.Leaf? leaf)
    {
        leaf = null;
        if (raw.SchemaId is null && raw.Name is null)
        {
            Fail(string.Empty, NdjsonErrorReason.MissingClass, "Name the question with name or schemaId.", out fault);
            return null;
        }

        var question = OntologyClass.Find(questions, raw.SchemaId, raw.Name);
        if (question is null || (raw.SchemaId is not null && raw.Name is not null && question.Name != raw.Name))
        {
            Fail(raw.SchemaId is not null ? "schemaId" : "name", NdjsonErrorReason.UnknownClass, $"No nested question '{raw.SchemaId ?? raw.Name}' here.", out fault);
            return null;
        }

        if (ContainsQuestion(siblings, question.SchemaId))
        {
            Fail(string.Empty, NdjsonErrorReason.DuplicateAnswer, $"Question '{question.Name}' is answered twice.", out fault);
            return null;
        }

        _path.Push("answer");
        var answer = ResolveAnswer(question, raw.Answer, out fault, out leaf);
        _path.Pop();
        return answer is null ? null : leaf?.Classification ?? new Classification(question.SchemaId, answer);
    }

    /// <summary>The answer to <paramref name="question"/>; <paramref name="leaf"/> is set when it is a radio choice
    /// with nothing nested, answered with the shared objects of <see cref="LeafAnswers"/>.</summary>
    private ClassificationAnswer? ResolveAnswer(OntologyClass question, RawAnswer? raw, out LineFault fault, out LeafAnswers.Leaf? leaf)
    {
        fault = default;
        leaf = null;
        switch (question.Tool, raw)
        {
            case (_, null):
                Fail(string.Empty, NdjsonErrorReason.WrongToolForClass, WrongAnswer(question, "none"), out fault);
                return null;
            case (Tool.Text, { Text: { } text }):
                return new TextAnswer(text);
            case (Tool.Radio, { Option: { } option }):
                var selected = ResolveOption(question, option, out fault, out leaf);
                return selected is null ? null : leaf?.Radio ?? new RadioAnswer(selected);
            case (Tool.Checklist, { Options: { } options }):
                var chosen = new SelectedOption[options.Count];
                for (var i = 0; i < options.Count; i++)
                {
                    _path.Push(i);
                    var item = ResolveOption(question, options[i], out fault, out _);
                    if (item is not null && ContainsOption(chosen.AsSpan(0, i), item.SchemaId))
                    {
                        item = null;
                        Fail(string.Empty, NdjsonErrorReason.DuplicateAnswer, "The same option is chosen twice.", out fault);
                    }

                    _path.Pop();
                    if (item is null)
                    {
                        return null;
                    }

                    chosen[i] = item;
                }

                return new ChecklistAnswer(ValueList.Wrap(ImmutableCollectionsMarshal.AsImmutableArray(chosen)));
            default:
                var given = raw.Text is not null ? "a string" : raw.Option is not null ? "an object" : "an array";
                Fail(string.Empty, NdjsonErrorReason.WrongToolForClass, WrongAnswer(question, given), out fault);
                return null;
        }
    }

    /// <summary>One chosen option and what is nested under it; an option with nothing nested is the shared
    /// <see cref="LeafAnswers.Leaf.Option"/>, and <paramref name="leaf"/> says so.</summary>
    private SelectedOption? ResolveOption(OntologyClass question, RawOption raw, out LineFault fault, out LeafAnswers.Leaf? leaf)
    {
        leaf = null;
        var option = (raw.SchemaId is null && raw.Name is null) ? null : question.FindOption(raw.SchemaId, raw.Name);
        if (option is null || (raw.SchemaId is not null && raw.Name is not null && option.Name != raw.Name))
        {
            Fail(raw.SchemaId is not null ? "schemaId" : "name", NdjsonErrorReason.UnknownAnswer, $"'{question.Name}' has no option '{raw.SchemaId ?? raw.Name}'.", out fault);
            return null;
        }

        if (raw.Classifications is null or { Count: 0 })
        {
            fault = default;
            leaf = _leaves.Of(question, option);
            return leaf.Option;
        }

        _path.Push("classifications");
        var nested = ResolveClassifications(option.Classifications, raw.Classifications, out fault);
        _path.Pop();
        return nested is null ? null : new SelectedOption(option.SchemaId, nested);
    }

    private static bool ContainsQuestion(ReadOnlySpan<Classification> siblings, string schemaId)
    {
        foreach (var sibling in siblings)
        {
            if (sibling.SchemaId == schemaId)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsOption(ReadOnlySpan<SelectedOption> chosen, string schemaId)
    {
        foreach (var option in chosen)
        {
            if (option.SchemaId == schemaId)
            {
                return true;
            }
        }

        return false;
    }

    private static RawShape ShapeFor(Tool tool) => tool switch
    {
        Tool.Bbox => RawShape.Bbox,
        Tool.Polygon => RawShape.Polygon,
        Tool.Point => RawShape.Point,
        Tool.Polyline => RawShape.Line,
        Tool.Mask => RawShape.Mask,
        _ => RawShape.Location,
    };

    private static string ToolName(Tool tool) => tool.ToString().ToLowerInvariant();

    /// <summary>Names the class's tool, the field it needs and what the line has instead, so the fix is readable
    /// from the message alone (the tool and the field differ for polyline/<c>line</c> and entity/<c>location</c>).</summary>
    private static string WrongShape(OntologyClass @class, string has) =>
        $"'{@class.Name}' is drawn with {ToolName(@class.Tool)}, so the line needs '{NdjsonLineParser.ShapeField(ShapeFor(@class.Tool))}'; it has {has}.";

    private static string WrongAnswer(OntologyClass question, string given) =>
        $"'{question.Name}' is a {ToolName(question.Tool)} question, so its answer is {AnswerForm(question.Tool)}; the line gives {given}.";

    private static string AnswerForm(Tool tool) => tool switch
    {
        Tool.Radio => "an object naming one option",
        Tool.Checklist => "an array of options",
        _ => "a string",
    };

    private static string Join(string prefix, string suffix) =>
        suffix.Length == 0 ? prefix : suffix[0] == '[' ? prefix + suffix : $"{prefix}.{suffix}";

    private bool Fail(string field, NdjsonErrorReason reason, string message, out LineFault fault)
    {
        fault = new LineFault(_path.ToString(field), reason, message);
        return false;
    }
}
