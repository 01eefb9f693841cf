using BenchmarkDotNet.Running;
using FuncLabel.Benchmarks.Scoring;

// dotnet run -c Release --project bench/FuncLabel.Benchmarks -- --filter '*'   (see bench/README.md)
// dotnet run -c Release --project bench/FuncLabel.Benchmarks -- iou-pairs ...  (bench/polygon-iou-vs-geos.sh)
// dotnet run -c Release --project bench/FuncLabel.Benchmarks -- upload-asset-latency ...  (bench/localhost-blob-latency.sh)
// dotnet run -c Release --project bench/FuncLabel.Benchmarks -- worker-costs ...  (bench/localhost-worker.sh)
// dotnet run -c Release --project bench/FuncLabel.Benchmarks -- ndjson-cpu [rounds] [warm-up passes]  (bench/results/ndjson-parse.md)
// dotnet run -c Release --project bench/FuncLabel.Benchmarks -- ndjson-cpu-kinds [rounds] [kind]  (bench/results/ndjson-parse.md)
// dotnet run -c Release --project bench/FuncLabel.Benchmarks -- consensus-cpu [rounds]  (bench/results/consensus.md)
// dotnet run -c Release --project bench/FuncLabel.Benchmarks -- storage-streaming [runs] [MiB]  (bench/storage-streaming.sh)
if (args is ["iou-pairs", .. var rest])
{
    return IouPairsCommand.Run(rest);
}

if (args is ["upload-asset-latency", .. var uploadArgs])
{
    return await FuncLabel.Benchmarks.LocalHost.UploadAssetLatencyCommand.RunAsync(uploadArgs);
}

if (args is ["worker-costs", .. var workerArgs])
{
    return await FuncLabel.Benchmarks.LocalHost.WorkerCostsCommand.RunAsync(workerArgs);
}

if (args is ["storage-streaming", .. var streamingArgs])
{
    return await FuncLabel.Benchmarks.Storage.StorageStreamingCommand.RunAsync(streamingArgs);
}

if (args is ["scene-time", .. var timeArgs])
{
    return SceneTimeCommand.Run(timeArgs);
}

if (args is ["scene-stats"])
{
    return SceneStatsCommand.Run();
}

if (args is ["consensus-cpu", .. var consensusArgs])
{
    return FuncLabel.Benchmarks.Consensus.ConsensusCpuTimeCommand.Run(consensusArgs);
}

if (args is ["ndjson-cpu-kinds", .. var kindArgs])
{
    return FuncLabel.Benchmarks.Ndjson.NdjsonCpuByKindCommand.Run(kindArgs);
}

if (args is ["ndjson-cpu", .. var cpuArgs])
{
    return FuncLabel.Benchmarks.Ndjson.NdjsonCpuTimeCommand.Run(cpuArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(IouPairsCommand).Assembly).Run(args);
return 0;
