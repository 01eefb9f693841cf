using FuncLabel.Data.Reports;
using Microsoft.AspNetCore.Mvc;

namespace FuncLabel.Functions.Reports;

/// <summary>What the report routes use, bundled for <c>[AsParameters]</c>.</summary>
internal sealed class ReportServices([FromServices] ReportBlobStore files, [FromServices] ReportPublisher publisher, [FromServices] TimeProvider time)
{
    public ReportBlobStore Files { get; } = files;

    public ReportPublisher Publisher { get; } = publisher;

    public TimeProvider Time { get; } = time;
}
