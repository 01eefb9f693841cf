using System.Text.Json.Nodes;
using FuncLabel.Infra.Tests.Arm;

namespace FuncLabel.Infra.Tests;

/// <summary>
/// The compiled template's function app is a Flex Consumption custom handler connected by identity, and nothing in
/// the deployment uses keys.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class DeploymentShapeTests(CompiledInfra infra)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageBlobDelegator = "db58b8e5-c6ad-4a2a-8342-4190687cbf4a";
    private const string StorageQueueDataMessageSender = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a";
    private const string CosmosBuiltInDataContributor = "00000000-0000-0000-0000-000000000002";

    [Fact]
    public void FunctionApp_RunsOnFlexConsumptionAsCustomHandler()
    {
        var plan = Assert.Single(infra.OfType("Microsoft.Web/serverfarms"));
        var app = Assert.Single(infra.OfType("Microsoft.Web/sites"));

        Assert.Equal("FC1", plan.TextAt("sku.name"));
        Assert.Equal("FlexConsumption", plan.TextAt("sku.tier"));
        Assert.Equal("custom", app.TextAt("properties.functionAppConfig.runtime.name"));
        Assert.Equal("1.0", app.TextAt("properties.functionAppConfig.runtime.version"));
        Assert.Equal("SystemAssigned", app.TextAt("identity.type"));
        Assert.Equal("SystemAssignedIdentity", app.TextAt("properties.functionAppConfig.deployment.storage.authentication.type"));
    }

    [Fact]
    public void FunctionApp_SettingsAreIdentityBasedWithoutWorkerRuntime()
    {
        var settings = AppSettings();

        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.Contains("AzureWebJobsStorage__accountName", settings.Keys);
        Assert.Contains("Cosmos__Endpoint", settings.Keys);
        Assert.Contains("Auth__Authority", settings.Keys);
        Assert.Contains("Auth__Audience", settings.Keys);
        Assert.DoesNotContain(settings, s => s.Key.Contains("Key", StringComparison.OrdinalIgnoreCase) || s.Value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void DataServices_RefuseKeys()
    {
        var storage = Assert.Single(infra.OfType("Microsoft.Storage/storageAccounts"));
        var cosmos = Assert.Single(infra.OfType("Microsoft.DocumentDB/databaseAccounts"));

        Assert.False(storage.At("properties.allowSharedKeyAccess")!.GetValue<bool>());
        Assert.True(cosmos.At("properties.disableLocalAuth")!.GetValue<bool>());
    }

    [Fact]
    public void Cosmos_IsServerlessByDefault()
    {
        var cosmos = Assert.Single(infra.OfType("Microsoft.DocumentDB/databaseAccounts"));

        Assert.Contains("EnableServerless", Assert.IsType<JsonArray>(cosmos.At("properties.capabilities")).Select(c => (string?)c?["name"]));
    }

    [Fact]
    public void RoleAssignments_GrantTheAppAndTheTopicWhatTheyUse()
    {
        var roles = infra.OfType("Microsoft.Authorization/roleAssignments")
            .Select(r => r.TextAt("properties.roleDefinitionId")!)
            .Select(id => id[(id.LastIndexOf('/') + 1)..])
            .ToList();
        var cosmosRole = Assert.Single(infra.OfType("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments"));

        Assert.Contains(StorageBlobDataOwner, roles);
        Assert.Contains(StorageQueueDataContributor, roles);
        Assert.Contains(StorageBlobDelegator, roles);
        Assert.Contains(StorageQueueDataMessageSender, roles);
        Assert.EndsWith($"/sqlRoleDefinitions/{CosmosBuiltInDataContributor}", cosmosRole.TextAt("properties.roleDefinitionId"));
    }

    private Dictionary<string, string> AppSettings()
    {
        var app = Assert.Single(infra.OfType("Microsoft.Web/sites"));
        return Assert.IsType<JsonArray>(app.At("properties.siteConfig.appSettings"))
            .Select(s => KeyValuePair.Create((string)s!["name"]!, ArmScope.Text(s["value"])))
            .ToDictionary();
    }
}
