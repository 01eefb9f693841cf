using FuncLabel.Data.Reports;

namespace FuncLabel.Functions.Apis.Reports;

/// <summary>What the report routes use, bundled for <c>[AsParameters]</c>.</summary>
public sealed class ReportServices(ReportBlobStore files, ReportPublisher publisher, TimeProvider time)
{
    public ReportBlobStore Files { get; } = files;

    public ReportPublisher Publisher { get; } = publisher;

    public TimeProvider Time { get; } = time;
}
