using System.Runtime.Versioning;

namespace FuncLabel.Infra.Tests.RunLocal;

/// <summary>
/// <c>scripts/run-local.sh</c> stops everything it started — the emulators, the local host and whatever those start —
/// whichever way it is stopped: Ctrl+C, SIGTERM, or the script killed outright. "Everything" is found by a marker in
/// the environment, not by name, so the check holds whatever the script comes to start.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class RunLocalStopTests(RunLocalBuildFolder build) : IClassFixture<RunLocalBuildFolder>
{
    /// <summary>The first run builds the app and the local host: minutes on a busy 2-core machine.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The host gets 45 s to drain and the emulators 15 s before the script kills them; plus slack.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Sigterm_StopsTheHostThenTheEmulators_AndNothingIsLeft()
    {
        await using var run = RunLocalScript.Start(build.Path);
        await run.WaitForHealthAnswerAsync(StartTimeout);

        await run.SignalAsync("TERM", processGroup: false);

        await AssertNothingLeftAsync(run);
        Assert.Equal(128 + 15, run.ExitCode);
        var host = run.LineOf("stopping local host");
        var emulators = run.LineOf("stopping emulators");
        Assert.True(host >= 0 && emulators > host, "expected the host to be stopped before the emulators:\n" + run.Output);
    }

    [Fact]
    public async Task CtrlC_StopsEverything()
    {
        await using var run = RunLocalScript.Start(build.Path);
        await run.WaitForHealthAnswerAsync(StartTimeout);

        // What a terminal does on Ctrl+C: SIGINT to its foreground process group.
        await run.SignalAsync("INT", processGroup: true);

        await AssertNothingLeftAsync(run);
        Assert.Equal(128 + 2, run.ExitCode);
    }

    [Fact]
    public async Task ScriptKilled_ItsWatchdogStopsEverything()
    {
        await using var run = RunLocalScript.Start(build.Path);
        await run.WaitForHealthAnswerAsync(StartTimeout);

        await run.SignalAsync("KILL", processGroup: false);

        await AssertNothingLeftAsync(run);
    }

    [Fact]
    public async Task SigtermWhileBuilding_StopsTheEmulatorsAndStartsNoHost()
    {
        await using var run = RunLocalScript.Start(build.Path);
        await run.WaitForOutputAsync("building the app folder", StartTimeout);

        await run.SignalAsync("TERM", processGroup: false);

        // The build step finishes first (a trap runs between commands); then nothing else may start.
        await AssertNothingLeftAsync(run, StartTimeout);
        Assert.Equal(128 + 15, run.ExitCode);
        Assert.False(run.Printed("starting the local host"), "the host was started after SIGTERM:\n" + run.Output);
    }

    private static async Task AssertNothingLeftAsync(RunLocalScript run, TimeSpan? timeout = null)
    {
        var left = await run.WaitUntilNoneRunningAsync(timeout ?? StopTimeout);
        Assert.True(
            left.Count == 0,
            $"still running {timeout ?? StopTimeout} after the signal:\n  {string.Join("\n  ", left)}\n--- output\n{run.Output}");
    }
}
