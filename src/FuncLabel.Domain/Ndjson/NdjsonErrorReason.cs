namespace FuncLabel.Domain.Ndjson;

/// <summary>Why an NDJSON line was refused. Serialized lower snake_case (<c>invalid_json</c>, <c>unknown_class</c>, …).</summary>
public enum NdjsonErrorReason
{
    /// <summary>Not UTF-8 JSON, or not a JSON object.</summary>
    InvalidJson,

    /// <summary>Longer than <see cref="NdjsonReaderOptions.MaxLineBytes"/>; the rest of the line is skipped unread.</summary>
    LineTooLong,

    /// <summary>No <c>uuid</c>.</summary>
    MissingUuid,

    /// <summary><c>uuid</c> is not a string of 32 hex digits (hyphens and braces allowed, as Labelbox allows).</summary>
    InvalidUuid,

    /// <summary>No <c>dataRow</c>, or a <c>dataRow</c> with neither <c>id</c> nor <c>globalKey</c>.</summary>
    MissingDataRow,

    /// <summary>A <c>dataRow</c> with both <c>id</c> and <c>globalKey</c>.</summary>
    AmbiguousDataRow,

    /// <summary>Neither <c>name</c> nor <c>schemaId</c> names the class or question.</summary>
    MissingClass,

    /// <summary>No class or nested question with that <c>name</c>/<c>schemaId</c> (or the two disagree).</summary>
    UnknownClass,

    /// <summary>The shape or answer does not fit the class's tool (a polygon for a bbox class, a string for a radio,
    /// no shape at all for an object class, …).</summary>
    WrongToolForClass,

    /// <summary>An answer option that the question does not have.</summary>
    UnknownAnswer,

    /// <summary>The same checklist option, or the same nested question, given twice.</summary>
    DuplicateAnswer,

    /// <summary>Geometry refused by <see cref="Geometry.GeometryPolicy"/> (NaN/∞, negative or zero size, too few distinct
    /// points, …), a wrongly typed geometry field, several shapes on one line, or an undecodable mask.</summary>
    InvalidGeometry,

    /// <summary>Geometry outside the asset (negative coordinates, beyond known width/height/length, mask size mismatch).</summary>
    OutOfBounds,

    /// <summary><c>confidence</c> is not a number in [0, 1].</summary>
    ConfidenceOutOfRange,

    /// <summary>The same <c>uuid</c> for the same data row earlier in the file.</summary>
    DuplicateUuid,

    /// <summary>A Labelbox shape this importer does not support: relationships, video frames/keyframes/segments, document
    /// token selections or pages, conversation messages.</summary>
    UnsupportedShape,

    /// <summary>A mask <c>instanceURI</c>/<c>url</c> outside the project's <c>prelabels</c> area; nothing is fetched from the internet.</summary>
    ExternalUrl,

    /// <summary>A known field with a value of the wrong JSON type (e.g. <c>name</c> as a number).</summary>
    InvalidValue,
}
