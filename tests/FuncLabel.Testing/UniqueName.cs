namespace FuncLabel.Testing;

/// <summary>Names no other test uses, so tests can share one emulator and run in parallel.</summary>
public static class UniqueName
{
    /// <summary>A lower-case name valid for Cosmos databases, blob containers and queues (3–63 chars).</summary>
    public static string For(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}".ToLowerInvariant();
        return name.Length <= 63 ? name : name[..63];
    }
}
