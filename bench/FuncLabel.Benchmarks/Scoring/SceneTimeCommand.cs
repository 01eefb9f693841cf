using System.Diagnostics;
using FuncLabel.Domain.Scoring;
using FuncLabel.Domain.Scoring.Shapes;

namespace FuncLabel.Benchmarks.Scoring;

/// <summary>
/// <c>scene-time [RUNS=30]</c>: scores each generated scene (the inputs of <see cref="ScoringBenchmarks"/>) RUNS times on
/// this thread after a warm-up and prints, per run, the fastest and median wall time and the fastest and median CPU
/// time of this thread, and the CPU time of preparing the scene's shapes alone (validity, rings, envelopes).
/// </summary>
/// <remarks>
/// On a machine shared with other work, wall time counts the time the thread waited for a core; the thread's own CPU
/// time does not (it still pays for cache and frequency effects of sharing). Both are reported so a loaded run can
/// still say what one core spends on a scene. The thread's CPU time is read from /proc/thread-self/stat (utime +
/// stime, clock ticks of 10 ms), so each run's CPU time is taken over a batch of runs long enough to resolve.
/// </remarks>
internal static class SceneTimeCommand
{
    public static int Run(string[] args)
    {
        int runs = args is [string count] ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 30;
        Time("boxes-1000", SceneGenerator.Boxes(1000, ScoringBenchmarks.Seed), runs);
        Time("polygons-1000", SceneGenerator.Polygons(1000, ScoringBenchmarks.Seed), runs);
        Time("all-overlapping-200", SceneGenerator.AllOverlapping(200, ScoringBenchmarks.Seed), runs);
        return 0;
    }

    private static void Time(string name, Scene scene, int runs)
    {
        const int batch = 10;
        CandidateScore.Of(scene.Gold, scene.Candidate, scene.Extent);
        var wall = new List<double>();
        var cpu = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            double cpuStart = ThreadCpuMilliseconds();
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < batch; i++)
            {
                CandidateScore.Of(scene.Gold, scene.Candidate, scene.Extent);
            }

            wall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds / batch);
            cpu.Add((ThreadCpuMilliseconds() - cpuStart) / batch);
        }

        wall.Sort();
        cpu.Sort();
        var preparation = new ShapePreparation(ScoringOptions.Default, scene.Extent);
        double prepareStart = ThreadCpuMilliseconds();
        for (int i = 0; i < runs * batch; i++)
        {
            ObjectInstance.PrepareAll(scene.Gold, preparation);
            ObjectInstance.PrepareAll(scene.Candidate, preparation);
        }

        double prepare = (ThreadCpuMilliseconds() - prepareStart) / (runs * batch);
        Console.WriteLine($"{name}: runs={runs}x{batch} wall_best_ms={wall[0]:F2} wall_median_ms={wall[runs / 2]:F2} cpu_best_ms={cpu[0]:F2} cpu_median_ms={cpu[runs / 2]:F2} of_which_preparing_shapes_cpu_ms={prepare:F2}");
    }

    /// <summary>utime + stime of the calling thread in ms (fields 14 and 15 of /proc/thread-self/stat, in 1/100 s).</summary>
    private static double ThreadCpuMilliseconds()
    {
        string stat = File.ReadAllText("/proc/thread-self/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) * 10.0;
    }
}
