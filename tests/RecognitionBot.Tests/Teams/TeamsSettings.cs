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
}
