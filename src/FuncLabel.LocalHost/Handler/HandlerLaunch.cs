using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost.Handler;

/// <summary>
/// How to start the custom handler, worked out as the Functions host does (docs/local-host.md, Handler launch and readiness):
/// a relative <c>defaultExecutablePath</c> that exists under the app folder is made absolute, otherwise it is looked
/// up on PATH; <c>%VAR%</c> in arguments is expanded from the host's settings (never from the child's environment,
/// so <c>%FUNCTIONS_CUSTOMHANDLER_PORT%</c> stays as written); the working folder is relative to the app folder.
/// </summary>
internal sealed record HandlerLaunch(string Executable, IReadOnlyList<string> Arguments, string WorkingDirectory, string AppRoot, IReadOnlyDictionary<string, string> Settings)
{
    public static HandlerLaunch From(AppFolder app, AppSettings settings)
    {
        var description = app.Host.Handler ?? throw new InvalidOperationException("The app folder has no custom handler.");
        var candidate = Path.Combine(app.Root, description.DefaultExecutablePath);
        var executable = Path.IsPathRooted(description.DefaultExecutablePath) || File.Exists(candidate)
            ? Path.GetFullPath(candidate)
            : description.DefaultExecutablePath;
        var workingDirectory = string.IsNullOrEmpty(description.WorkingDirectory)
            ? app.Root
            : Path.GetFullPath(Path.Combine(app.Root, description.WorkingDirectory));
        return new HandlerLaunch(
            executable,
            description.Arguments.Select(settings.ExpandLeavingUnknown).ToList(),
            workingDirectory,
            app.Root,
            settings.FileValues);
    }
}
