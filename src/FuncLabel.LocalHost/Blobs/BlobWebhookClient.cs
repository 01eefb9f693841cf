using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.Blobs;

/// <summary>
/// Delivers Event Grid events to a Functions host's blob webhook, as an Event Grid subscription does:
/// <c>POST {base}runtime/webhooks/blobs?functionName=Host.Functions.&lt;Name&gt;&amp;code=&lt;key&gt;</c>, header
/// <c>aeg-event-type: Notification</c>, body an array of events. The base is the local host itself, or — with
/// <c>--watcher-only</c> — another host such as <c>func start</c> on <c>http://localhost:7071/</c>, whose
/// <c>blobs_extension</c> system key goes in <c>code</c>. Only a 2xx answer counts as delivered.
/// </summary>
internal sealed class BlobWebhookClient(HttpClient http, Uri baseAddress, string? code)
{
    public Uri BaseAddress { get; } = baseAddress;

    public Uri AddressFor(string function)
    {
        var query = "functionName=" + Uri.EscapeDataString(BlobTriggerMessage.IdOf(function))
                    + (string.IsNullOrEmpty(code) ? "" : "&code=" + Uri.EscapeDataString(code));
        return new Uri(BaseAddress, BlobWebhookEndpoint.Path.TrimStart('/') + "?" + query);
    }

    public async Task<(bool Succeeded, string Answer)> PostAsync(string function, JsonObject blobCreated, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AddressFor(function))
        {
            Content = JsonContent.Create(new JsonArray(blobCreated.DeepClone())),
        };
        request.Headers.Add("aeg-event-type", "Notification");
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return (response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (HttpRequestException e)
        {
            return (false, e.Message);
        }
    }
}
