using RecognitionBot.Teams;

namespace RecognitionBot.Tests.Teams;

/// <summary>The Teams section is checked at start-up, so a broken setting stops the app instead of failing requests.</summary>
public sealed class TeamsSettings
{
    private static IReadOnlyList<string> Problems(TeamsOptions options) =>
        new TeamsOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void LocalDevelopmentNeedsNothing() => Assert.Empty(Problems(new TeamsOptions()));

    [Fact]
    public void AProductionBotNeedsAGuidAndAPassword()
    {
        Assert.Contains(Problems(new TeamsOptions { AppId = "kudos-bot", AppPassword = "x" }), p => p.Contains("GUID"));
        Assert.Contains(Problems(new TeamsOptions { AppId = Guid.NewGuid().ToString() }), p => p.Contains("AppPassword"));
        Assert.Empty(Problems(new TeamsOptions { AppId = Guid.NewGuid().ToString(), AppPassword = "x", AppTenantId = Guid.NewGuid().ToString() }));
    }

    [Theory]
    [InlineData("http://login.example.com")]
    [InlineData("not a url")]
    public void RefusesPlainHttpOrGarbageBeyondThisMachine(string url)
    {
        Assert.NotEmpty(Problems(new TeamsOptions { OpenIdMetadataUrl = url }));
        Assert.NotEmpty(Problems(new TeamsOptions { GraphBaseUrl = url }));
    }

    [Fact]
    public void AllowsPlainHttpOnLoopbackForLocalFakesButNotForTheTokenAuthority()
    {
        Assert.Empty(Problems(new TeamsOptions { OpenIdMetadataUrl = "http://127.0.0.1:5000/meta", GraphBaseUrl = "http://localhost:5002/v1.0" }));
        Assert.NotEmpty(Problems(new TeamsOptions { AuthorityHost = "http://localhost:5001" }));
    }

    [Fact]
    public void SingleTenantBotsGetConnectorTokensFromTheirOwnTenant()
    {
        var tenant = Guid.NewGuid().ToString();
        Assert.Equal(tenant, new TeamsOptions { AppTenantId = tenant }.ConnectorTokenTenant);
        Assert.Equal("botframework.com", new TeamsOptions().ConnectorTokenTenant);
    }

    [Fact]
    public void ServesTheAppsOwnTenantUnlessTenantsAreListed()
    {
        var own = Guid.NewGuid().ToString();
        var (a, b) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

        Assert.True(new TeamsOptions { AppTenantId = own }.AllowsTenant(own.ToUpperInvariant()));
        Assert.False(new TeamsOptions { AppTenantId = own }.AllowsTenant(a));
        Assert.False(new TeamsOptions().AllowsTenant(a));
        var listed = new TeamsOptions { AppTenantId = own, AllowedTenants = [a, b] };
        Assert.True(listed.AllowsTenant(b));
        Assert.False(listed.AllowsTenant(own));
        // One app setting, comma-separated, as App Service offers it.
        Assert.True(new TeamsOptions { AllowedTenants = [$"{a}, {b}"] }.AllowsTenant(b));
        Assert.True(new TeamsOptions { AllowedTenants = ["*"] }.AllowsTenant(a));
    }

    [Fact]
    public void RefusesTenantsAdminsAndGroupsThatAreNotIds()
    {
        Assert.Contains(Problems(new TeamsOptions { AllowedTenants = ["contoso.com"] }), p => p.Contains("AllowedTenants"));
        Assert.Contains(Problems(new TeamsOptions { AllowedTenants = ["*", Guid.NewGuid().ToString()] }), p => p.Contains("stand alone"));
        Assert.Contains(Problems(new TeamsOptions { Admins = ["ann@contoso.com"] }), p => p.Contains("Teams:Admins"));
        Assert.Contains(Problems(new TeamsOptions { AdminGroupId = "Kudos admins" }), p => p.Contains("AdminGroupId"));
        Assert.Empty(Problems(new TeamsOptions { AllowedTenants = ["*"], Admins = [Guid.NewGuid().ToString()], AdminGroupId = Guid.NewGuid().ToString() }));
    }

    [Fact]
    public void LocalModeTakesThePlaygroundsMadeUpIdsAsAdminsAndAnAuthenticatedBotDoesNot()
    {
        const string alex = "00000000-0000-0000-0000-0000000000020";
        Assert.Empty(Problems(new TeamsOptions { LocalMode = true, Admins = [alex] }));
        Assert.Contains(Problems(new TeamsOptions { LocalMode = true, AppId = Guid.NewGuid().ToString(), AppPassword = "p", Admins = [alex] }),
            p => p.Contains("Teams:Admins"));
    }
}
