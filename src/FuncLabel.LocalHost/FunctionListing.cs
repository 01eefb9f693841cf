using System.Text;
using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost;

/// <summary>The start-up summary, laid out like <c>func start</c>: each function with its trigger, HTTP functions with their URL.</summary>
internal static class FunctionListing
{
    public static string Format(AppFolder app, Uri httpBase)
    {
        var text = new StringBuilder().AppendLine().AppendLine("Functions:").AppendLine();
        foreach (var function in app.Functions)
        {
            var line = function.Trigger switch
            {
                HttpTriggerBinding http =>
                    $"[{string.Join(',', http.Methods.Select(m => m.ToUpperInvariant()))}] {httpBase.ToString().TrimEnd('/')}/{Prefixed(app.Host.RoutePrefix, http.Route)}",
                QueueTriggerBinding queue => $"queueTrigger (queue '{queue.QueueName}')",
                TimerTriggerBinding timer =>
                    $"timerTrigger (schedule '{timer.Schedule}' UTC{(timer.RunOnStartup ? ", runOnStartup" : "")}{(timer.UseMonitor ? ", monitored" : "")})",
                BlobTriggerBinding blob =>
                    $"blobTrigger (EventGrid, path '{blob.Path}'): POST {httpBase.ToString().TrimEnd('/')}{Blobs.BlobWebhookEndpoint.Path}?functionName={Blobs.BlobTriggerMessage.IdOf(function.Name)}",
                _ => function.Trigger.Type,
            };
            text.Append('\t').Append(function.Name).Append(": ").AppendLine(line).AppendLine();
        }

        foreach (var subscription in app.Watcher?.Subscriptions ?? [])
        {
            text.Append("\tBlob watcher '").Append(subscription.Name).Append("': container '").Append(subscription.Container).Append('\'')
                .Append(subscription.Filter.BeginsWith is { } begins ? $" subjectBeginsWith '{begins}'" : "")
                .Append(subscription.Filter.EndsWith is { } ends ? $" subjectEndsWith '{ends}'" : "")
                .Append(" -> ").AppendLine(subscription.Target).AppendLine();
        }

        return text.ToString();
    }

    private static string Prefixed(string prefix, string route) => string.IsNullOrEmpty(prefix) ? route : $"{prefix}/{route}";
}
