using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FuncLabel.Storage.Pipeline;

/// <summary>
/// Stamps <c>x-ms-date</c> and signs the request with the account key (<c>Authorization: SharedKey account:signature</c>).
/// </summary>
/// <remarks>
/// Runs once per attempt (a per-retry policy), so a retried request carries a fresh date and signature;
/// the service rejects dates more than 15 minutes away from its clock.
/// </remarks>
internal sealed class SharedKeySigningPolicy(StorageSharedKeyCredential credential, TimeProvider timeProvider)
    : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        var signature = credential.ComputeHmacSha256(SharedKeyStringToSign.For(request, credential.AccountName));
        request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKey {credential.AccountName}:{signature}");
    }
}
