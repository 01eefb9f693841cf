using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Geometry;

/// <summary>
/// A mask that lives in a PNG blob in the project's <c>prelabels</c> container and has not been fetched yet: the
/// domain never does I/O, so the NDJSON reader yields this reference and the caller fetches the blob, then calls
/// <see cref="Masks.MaskDecoder.FromPng"/> with <see cref="ColorRgb"/> to obtain a <see cref="MaskGeometry"/>.
/// </summary>
/// <param name="BlobPath">Path inside the <c>prelabels</c> container, always under the importing project's prefix
/// (<c>{projectId}/…</c>); never an external URL (those are rejected when read).</param>
/// <param name="ColorRgb">The instance's colour in the composite mask; pixels of exactly this colour are foreground.</param>
public sealed record MaskBlobReference(string BlobPath, RgbColor ColorRgb) : AnnotationGeometry
{
    public override Tool Tool => Tool.Mask;
}
