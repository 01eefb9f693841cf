namespace FuncLabel.Infra.Tests;

/// <summary>
/// The subscriptions to the blob-triggered functions are a deployment of their own, made after the code package:
/// Event Grid validates a webhook when a subscription is created, and the blob extension's webhook and its key exist
/// only once the host runs the app (scripts/deploy.sh: infra/main.bicep, the package, infra/blob-subscriptions.bicep).
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class DeploymentOrderTests(CompiledInfra infra)
{
    [Fact]
    public void FirstDeployment_CreatesNoEventSubscription()
    {
        Assert.Empty(infra.Main.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        Assert.Single(infra.Main.OfType("Microsoft.EventGrid/systemTopics"));
    }

    [Fact]
    public void SubscriptionsDeployment_CreatesOnlyTheSubscriptions()
    {
        var types = infra.BlobSubscriptions.Resources.Select(r => r.Type).Distinct();

        Assert.Equal(["Microsoft.EventGrid/systemTopics/eventSubscriptions"], types);
    }

    [Fact]
    public void SubscriptionsDeployment_TakesItsParametersFromTheFirstDeploymentsOutputs()
    {
        // scripts/deploy.sh passes each parameter the output of infra/main.bicep with the same name.
        var outputs = infra.Main.Template["outputs"]!.AsObject();
        var parameters = infra.BlobSubscriptions.Template["parameters"]!.AsObject();

        Assert.NotEmpty(parameters);
        Assert.All(parameters, p =>
        {
            Assert.True(outputs.ContainsKey(p.Key), $"{p.Key} is not an output of infra/main.bicep");
            Assert.Equal((string?)p.Value!["type"], (string?)outputs[p.Key]!["type"]);
        });
    }
}
