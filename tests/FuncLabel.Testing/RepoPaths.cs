using System.Reflection;

namespace FuncLabel.Testing;

/// <summary>Paths of committed files, resolved from the repository root recorded at build time.</summary>
public static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);
}
