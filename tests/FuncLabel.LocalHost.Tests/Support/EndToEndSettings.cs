using System.Text;
using FuncLabel.Testing;

namespace FuncLabel.LocalHost.Tests.Support;

/// <summary>
/// The app settings every end-to-end test gives the real app: the emulators, a database of its own (created on start)
/// and a development signing key of its own, which the test also needs to mint tokens.
/// </summary>
internal sealed record EndToEndSettings(string SigningKey, Dictionary<string, string> Values)
{
    public static EndToEndSettings For(string databasePrefix)
    {
        var signingKey = Convert.ToBase64String(Encoding.UTF8.GetBytes(UniqueName.For("dev-signing-key-").PadRight(40, 'k')));
        return new EndToEndSettings(signingKey, new Dictionary<string, string>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "custom",
            ["AzureWebJobsStorage"] = Emulators.StorageConnectionString,
            ["Cosmos__Endpoint"] = Emulators.CosmosEndpoint,
            ["Cosmos__Key"] = Emulators.CosmosKey,
            ["Cosmos__DatabaseName"] = UniqueName.For(databasePrefix),
            ["Cosmos__CreateIfMissing"] = "true",
            ["Auth__DevSigningKey"] = signingKey,
        });
    }
}
