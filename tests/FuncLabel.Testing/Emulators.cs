namespace FuncLabel.Testing;

/// <summary>
/// Endpoints of the emulators started by <c>scripts/test.sh</c> (Azurite and the Cosmos DB server).
/// Tests never start or mock them: run the suite through the test command, or export the variables
/// that <c>tools/emulators/emulators.mjs --write-env</c> writes.
/// </summary>
public static class Emulators
{
    public static string StorageConnectionString => Required("FUNCLABEL_STORAGE");

    public static string CosmosEndpoint => Required("FUNCLABEL_COSMOS_ENDPOINT");

    public static string CosmosKey => Required("FUNCLABEL_COSMOS_KEY");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the tests with scripts/test.sh, which starts the emulators and sets it.");
}
