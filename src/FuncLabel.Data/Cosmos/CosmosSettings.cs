namespace FuncLabel.Data.Cosmos;

/// <summary>Configuration section <c>Cosmos</c>.</summary>
internal sealed class CosmosSettings
{
    public const string SectionName = "Cosmos";

    /// <summary>Account endpoint, e.g. <c>http://127.0.0.1:8081/</c> locally or <c>https://acct.documents.azure.com:443/</c>.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Account key. Empty in Azure, where the managed identity is used instead.</summary>
    public string? Key { get; set; }

    public string DatabaseName { get; set; } = ContainerDefinitions.DatabaseName;

    /// <summary>Create the database and containers at start-up. Locally only; in Azure the infrastructure creates them.</summary>
    public bool CreateIfMissing { get; set; }

    /// <summary>
    /// Accept the local server's self-signed certificate. Honoured only for loopback endpoints,
    /// so a misconfiguration can never switch off certificate checks against a real account.
    /// </summary>
    public bool AcceptLocalCertificate { get; set; }
}
