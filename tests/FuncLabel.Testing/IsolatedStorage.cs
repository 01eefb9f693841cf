using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace FuncLabel.Testing;

/// <summary>
/// Storage accounts of their own for tests that run a whole host. A host polls its account's queues and watches its
/// containers, so two hosts on one account take each other's events (a pre-label file of one test's project imported
/// by another test's app, which knows no such project). The emulator command starts Azurite with a pool of extra
/// accounts (<c>tools/emulators/emulators.mjs</c>); each call claims one that no test of any test run on these
/// emulators has claimed, by creating a claim blob in the default account (create-only: exactly one claimant wins).
/// </summary>
public static class IsolatedStorage
{
    private const string ClaimsContainer = "test-storage-account-claims";

    private static readonly SemaphoreSlim Claiming = new(1, 1);

    /// <summary>The connection string of an account only the caller uses (same key and endpoints as the default one).</summary>
    public static async Task<string> ClaimAccountAsync(CancellationToken cancellationToken = default)
    {
        var accounts = (Environment.GetEnvironmentVariable("FUNCLABEL_STORAGE_ISOLATED_ACCOUNTS") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (accounts.Length == 0)
        {
            throw new InvalidOperationException(
                "FUNCLABEL_STORAGE_ISOLATED_ACCOUNTS is not set. Run the tests with scripts/test.sh, which starts the emulators and sets it.");
        }

        var claims = new BlobServiceClient(Emulators.StorageConnectionString).GetBlobContainerClient(ClaimsContainer);
        await Claiming.WaitAsync(cancellationToken);
        try
        {
            await claims.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            foreach (var account in accounts)
            {
                try
                {
                    await claims.GetBlobClient(account).UploadAsync(
                        BinaryData.FromString($"{Environment.ProcessId} {DateTimeOffset.UtcNow:O}"),
                        new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                        cancellationToken);
                    return ForAccount(account);
                }
                catch (RequestFailedException e) when (e.Status is 409 or 412)
                {
                    // Claimed by an earlier test: try the next.
                }
            }
        }
        finally
        {
            Claiming.Release();
        }

        throw new InvalidOperationException(
            $"All {accounts.Length} isolated storage accounts are claimed; raise the pool size in tools/emulators/emulators.mjs.");
    }

    /// <summary>The default account's connection string with the account name (and so the endpoint paths) replaced.</summary>
    private static string ForAccount(string account) =>
        Emulators.StorageConnectionString.Replace("devstoreaccount1", account, StringComparison.Ordinal);
}
