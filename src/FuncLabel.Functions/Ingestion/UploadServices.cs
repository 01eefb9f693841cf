using FuncLabel.Data.Assets;
using FuncLabel.Data.Imports;
using Microsoft.AspNetCore.Mvc;

namespace FuncLabel.Functions.Ingestion;

/// <summary>What the upload route uses, bundled for <c>[AsParameters]</c>.</summary>
internal sealed class UploadServices(
    [FromServices] ImportStore imports, [FromServices] AssetContentStore assetContent, [FromServices] ImportFileStore importFiles, [FromServices] TimeProvider time)
{
    public ImportStore Imports { get; } = imports;

    public AssetContentStore AssetContent { get; } = assetContent;

    public ImportFileStore ImportFiles { get; } = importFiles;

    public TimeProvider Time { get; } = time;
}
