using System.Net.Http.Headers;
using FuncLabel.Data.Cosmos;
using FuncLabel.Functions.Security;
using FuncLabel.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests;

/// <summary>
/// The real handler in memory, against the Cosmos emulator with a database of its own and a clock tests move.
/// Tokens are minted with the same development key the app is configured with.
/// </summary>
public sealed class FuncLabelApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningKey = "ZnVuY2xhYmVsLXRlc3Qtc2lnbmluZy1rZXktMzItYnl0ZXMhIQ==";

    public const string AllowedOrigin = "https://labeler.example";

    public string DatabaseName { get; } = UniqueName.For("api");

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public CosmosDatabase Cosmos => Services.GetRequiredService<CosmosDatabase>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Cosmos:Endpoint", Emulators.CosmosEndpoint);
        builder.UseSetting("Cosmos:Key", Emulators.CosmosKey);
        builder.UseSetting("Cosmos:DatabaseName", DatabaseName);
        builder.UseSetting("Cosmos:CreateIfMissing", "true");
        builder.UseSetting("Auth:DevSigningKey", SigningKey);
        builder.UseSetting("Limits:MaxBodyBytes", "65536");
        builder.UseSetting("Cors:AllowedOrigins:0", AllowedOrigin);
        builder.UseSetting("AzureWebJobsStorage", Emulators.StorageConnectionString);
        builder.UseSetting("Imports:MaxLineBytes", "4096");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>A client calling as <paramref name="userId"/> (anonymous when null), tokens valid at the real clock.</summary>
    public HttpClient ClientFor(string? userId, bool admin = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (userId is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Bearer", DevTokens.Mint(SigningKey, userId, admin, DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));
        }

        return client;
    }

    public Task InitializeAsync()
    {
        _ = Server; // start the host: creates the database and containers
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Cosmos.Database.DeleteAsync();
        await DisposeAsync();
    }
}
