using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FuncLabel.Functions;
using FuncLabel.Infra.Tests.Arm;

namespace FuncLabel.Infra.Tests;

/// <summary>
/// The compiled template's function app is a .NET isolated worker on Flex Consumption for the app's target framework,
/// connected by identity, with the settings its triggers read; nothing in the deployment uses keys.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed partial class DeploymentShapeTests(CompiledInfra infra)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageBlobDelegator = "db58b8e5-c6ad-4a2a-8342-4190687cbf4a";
    private const string StorageQueueDataMessageSender = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a";
    private const string CosmosBuiltInDataContributor = "00000000-0000-0000-0000-000000000002";

    [Fact]
    public void FunctionApp_RunsOnFlexConsumptionAsADotnetIsolatedWorker()
    {
        var plan = Assert.Single(infra.OfType("Microsoft.Web/serverfarms"));
        var app = Assert.Single(infra.OfType("Microsoft.Web/sites"));

        Assert.Equal("FC1", plan.TextAt("sku.name"));
        Assert.Equal("FlexConsumption", plan.TextAt("sku.tier"));
        Assert.Equal("functionapp,linux", app.TextAt("kind"));
        Assert.Equal("dotnet-isolated", app.TextAt("properties.functionAppConfig.runtime.name"));
        Assert.Equal("SystemAssigned", app.TextAt("identity.type"));
        Assert.Equal("SystemAssignedIdentity", app.TextAt("properties.functionAppConfig.deployment.storage.authentication.type"));
    }

    [Fact]
    public void FunctionApp_RuntimeVersionIsTheAppsTargetFramework()
    {
        // ".NETCoreApp,Version=v10.0" → "10.0": Flex provides that .NET, the package is framework-dependent on it.
        var framework = typeof(GeneratedFunctionMetadataProvider).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        var version = framework[(framework.IndexOf("Version=v", StringComparison.Ordinal) + "Version=v".Length)..];

        var app = Assert.Single(infra.OfType("Microsoft.Web/sites"));

        Assert.Equal(version, app.TextAt("properties.functionAppConfig.runtime.version"));
    }

    [Fact]
    public void FunctionApp_SettingsAreIdentityBasedWithoutRuntimeSettings()
    {
        var settings = AppSettings();

        // Flex takes the runtime from functionAppConfig and refuses these settings.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.Contains("AzureWebJobsStorage__accountName", settings.Keys);
        Assert.Contains("Cosmos__Endpoint", settings.Keys);
        Assert.Contains("Auth__Authority", settings.Keys);
        Assert.Contains("Auth__Audience", settings.Keys);
        Assert.DoesNotContain(settings, s => s.Key.Contains("Key", StringComparison.OrdinalIgnoreCase) || s.Value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void FunctionApp_HasEverySettingItsTriggersName()
    {
        // A trigger property written %Name% (the report timers' schedules) is read from the app setting Name.
        var named = AppFunctionMetadata.All
            .SelectMany(f => f.Trigger.Where(p => p.Value is JsonValue).Select(p => (Function: f.Name, Text: p.Value!.ToString())))
            .SelectMany(p => SettingReference().Matches(p.Text).Select(m => (p.Function, Setting: m.Groups[1].Value)))
            .ToList();
        var settings = AppSettings();

        Assert.NotEmpty(named);
        Assert.All(named, n => Assert.True(settings.ContainsKey(n.Setting), $"{n.Function} reads the app setting {n.Setting}, which the template does not set"));
    }

    [Fact]
    public void FunctionApp_LeavesCorsToTheApp()
    {
        // With origins here the platform would answer preflight itself; the app's own CORS policy answers it instead.
        var app = Assert.Single(infra.OfType("Microsoft.Web/sites"));

        Assert.Empty(Assert.IsType<JsonArray>(app.At("properties.siteConfig.cors.allowedOrigins")));
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
    public void RoleAssignments_GrantTheAppWhatItUses()
    {
        var roles = infra.OfType("Microsoft.Authorization/roleAssignments")
            .Select(r => r.TextAt("properties.roleDefinitionId")!)
            .Select(id => id[(id.LastIndexOf('/') + 1)..])
            .ToList();
        var cosmosRole = Assert.Single(infra.OfType("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments"));

        // The blob trigger with the Event Grid source needs blob and queue data roles (its own queue of blob events).
        Assert.Contains(StorageBlobDataOwner, roles);
        Assert.Contains(StorageQueueDataContributor, roles);
        Assert.Contains(StorageBlobDelegator, roles);
        Assert.EndsWith($"/sqlRoleDefinitions/{CosmosBuiltInDataContributor}", cosmosRole.TextAt("properties.roleDefinitionId"));
        // Event Grid delivers to the app's webhook now, not to queues.
        Assert.DoesNotContain(StorageQueueDataMessageSender, roles);
    }

    [Fact]
    public void EventGridTopic_IsTheStorageAccountsSystemTopic()
    {
        var topic = Assert.Single(infra.OfType("Microsoft.EventGrid/systemTopics"));

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.TextAt("properties.topicType"));
    }

    [Fact]
    public void Subscriptions_AreBlobCreatedEventsInEventGridSchema()
    {
        var subscriptions = infra.BlobSubscriptions.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").ToList();

        Assert.NotEmpty(subscriptions);
        Assert.All(subscriptions, s =>
        {
            Assert.Equal(["Microsoft.Storage.BlobCreated"], Assert.IsType<JsonArray>(s.At("properties.filter.includedEventTypes")).Select(t => (string?)t));
            Assert.Equal("EventGridSchema", s.TextAt("properties.eventDeliverySchema"));
            Assert.Null(s.At("properties.deliveryWithResourceIdentity"));
        });
    }

    private Dictionary<string, string> AppSettings()
    {
        var app = Assert.Single(infra.OfType("Microsoft.Web/sites"));
        return Assert.IsType<JsonArray>(app.At("properties.siteConfig.appSettings"))
            .Select(s => KeyValuePair.Create((string)s!["name"]!, ArmScope.Text(s["value"])))
            .ToDictionary();
    }

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex SettingReference();
}
