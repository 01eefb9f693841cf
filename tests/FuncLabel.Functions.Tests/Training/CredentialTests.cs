using System.Net;
using System.Net.Http.Json;
using FuncLabel.Data.Credentials;
using FuncLabel.Domain.Credentials;
using FuncLabel.Functions.Credentials;
using Microsoft.Extensions.DependencyInjection;
using static FuncLabel.Functions.Tests.Training.TrainingSeed;

namespace FuncLabel.Functions.Tests.Training;

/// <summary>Credentials through the API and the claim-time gate: expiry, revocation, offline grants, who may read what.</summary>
public sealed class CredentialTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public async Task Gate_ExpiredThenRevoked_NamesTheType_OfflineGrantOpensIt()
    {
        var type = "md-" + Guid.NewGuid().ToString("N")[..8];
        var always = "nda-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = app.ClientFor("cr-admin", admin: true);
        await CreateCredentialTypeAsync(admin, type, validityDays: 30);
        await CreateCredentialTypeAsync(admin, always, validityDays: null);
        var gate = app.Services.GetRequiredService<CredentialGate>();
        string[] required = [type, always];

        var missing = await gate.CheckAsync("cr-user", required, app.Time.GetUtcNow(), CancellationToken.None);
        Assert.Equal([new CredentialShortfall(type, CredentialStatus.Missing), new CredentialShortfall(always, CredentialStatus.Missing)], missing);

        await GrantAsync(admin, type);
        await GrantAsync(admin, always);
        Assert.Empty(await gate.CheckAsync("cr-user", required, app.Time.GetUtcNow(), CancellationToken.None));

        app.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal([new CredentialShortfall(type, CredentialStatus.Expired)], await gate.CheckAsync("cr-user", required, app.Time.GetUtcNow(), CancellationToken.None));

        await GrantAsync(admin, type);
        Assert.Empty(await gate.CheckAsync("cr-user", required, app.Time.GetUtcNow(), CancellationToken.None));

        using var revoke = await admin.PostAsJsonAsync($"/api/users/cr-user/credentials/{always}/revoke", new { reason = "contract ended" });
        var revoked = await revoke.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("revoked", revoked["status"]!.GetValue<string>());
        Assert.Equal("contract ended", revoked["revokeReason"]!.GetValue<string>());
        Assert.Equal([new CredentialShortfall(always, CredentialStatus.Revoked)], await gate.CheckAsync("cr-user", required, app.Time.GetUtcNow(), CancellationToken.None));

        app.Time.Advance(TimeSpan.FromSeconds(1));
        await GrantAsync(admin, always);
        Assert.Empty(await gate.CheckAsync("cr-user", required, app.Time.GetUtcNow(), CancellationToken.None));

        using var holders = await admin.GetAsync($"/api/credential-types/{type}/holders");
        var holder = Assert.Single((await holders.JsonAsync())["items"]!.AsArray())!;
        Assert.Equal("cr-user", holder["userId"]!.GetValue<string>());
        Assert.Equal("valid", holder["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Credentials_OwnerAndAdminRead_OthersGet404_NonAdminsCannotGrant()
    {
        var type = "ql-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = app.ClientFor("cr2-admin", admin: true);
        using var user = app.ClientFor("cr2-user");
        using var other = app.ClientFor("cr2-other");
        await CreateCredentialTypeAsync(admin, type, validityDays: 10);
        using var grant = await admin.PostAsJsonAsync("/api/users/cr2-user/credentials", new { typeId = type, evidenceBlobPath = "evidence/cr2-user/licence.pdf" });
        Assert.Equal(HttpStatusCode.OK, grant.StatusCode);

        using var mine = await user.GetAsync("/api/users/me/credentials");
        var item = Assert.Single((await mine.JsonAsync())["items"]!.AsArray())!;
        Assert.Equal("offline", item["source"]!["kind"]!.GetValue<string>());
        Assert.Equal("cr2-admin", item["source"]!["grantedBy"]!.GetValue<string>());
        Assert.Equal("evidence/cr2-user/licence.pdf", item["source"]!["evidenceBlobPath"]!.GetValue<string>());

        using var byAdmin = await admin.GetAsync("/api/users/cr2-user/credentials");
        Assert.Single((await byAdmin.JsonAsync())["items"]!.AsArray());
        using var byOther = await other.GetAsync("/api/users/cr2-user/credentials");
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        using var selfGrant = await user.PostAsJsonAsync("/api/users/cr2-user/credentials", new { typeId = type, evidenceNote = "trust me" });
        Assert.Equal(HttpStatusCode.Forbidden, selfGrant.StatusCode);
    }

    private async Task GrantAsync(HttpClient admin, string type)
    {
        using var response = await admin.PostAsJsonAsync("/api/users/cr-user/credentials", new { typeId = type, evidenceNote = "medical doctor, verified offline" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
