using Xunit;

namespace FuncLabel.Testing;

/// <summary>
/// A test that runs only when the environment variable it names is set to <c>1</c> (otherwise reported as skipped,
/// with the reason). For load tests too slow for every run on the local Cosmos server, which scans every partition
/// per query: they stay runnable and can fail, but do not hold the default suite hostage.
/// </summary>
public sealed class OptInFactAttribute : FactAttribute
{
    public OptInFactAttribute(string variable, string why)
    {
        if (Environment.GetEnvironmentVariable(variable) != "1")
        {
            Skip = $"opt-in: set {variable}=1 to run ({why})";
        }
    }
}
