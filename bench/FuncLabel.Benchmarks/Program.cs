using BenchmarkDotNet.Running;
using FuncLabel.Benchmarks.Scoring;

// dotnet run -c Release --project bench/FuncLabel.Benchmarks -- --filter '*'   (see bench/README.md)
// dotnet run -c Release --project bench/FuncLabel.Benchmarks -- iou-pairs ...  (bench/polygon-iou-vs-geos.sh)
// dotnet run -c Release --project bench/FuncLabel.Benchmarks -- blob-event-latency ...  (bench/localhost-blob-latency.sh)
if (args is ["iou-pairs", .. var rest])
{
    return IouPairsCommand.Run(rest);
}

if (args is ["blob-event-latency", .. var latencyArgs])
{
    return await FuncLabel.Benchmarks.LocalHost.BlobEventLatencyCommand.RunAsync(latencyArgs);
}

if (args is ["scene-stats"])
{
    return SceneStatsCommand.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
