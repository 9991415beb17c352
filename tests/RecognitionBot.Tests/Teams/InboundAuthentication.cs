using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Teams.Fakes;

namespace RecognitionBot.Tests.Teams;

/// <summary>PROTOCOLS A1 through the real pipeline: every check on the Bot Framework token, good and bad.</summary>
public sealed class InboundAuthentication(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private Activity Hello() => TestActivities.Message(host.Connector.ServiceUrl, "help");

    private async Task AssertRefused(HttpStatusCode expected, Activity activity, string? token, string scheme = "Bearer")
    {
        var before = host.Connector.Calls.Count;
        using var response = await host.PostRawAsync(System.Text.Json.JsonSerializer.Serialize(activity, BotJson.Options), token ?? "", scheme);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, host.Connector.Calls.Count);
    }

    [Fact]
    public async Task AcceptsATokenSignedByTheBotFramework()
    {
        using var response = await host.PostActivityAsync(Hello());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public Task RefusesARequestWithoutToken() => AssertRefused(HttpStatusCode.Unauthorized, Hello(), token: "");

    [Fact]
    public Task RefusesAnotherScheme() =>
        AssertRefused(HttpStatusCode.Unauthorized, Hello(), host.GoodToken(host.Connector.ServiceUrl), scheme: "Basic");

    [Fact]
    public Task RefusesGarbage() => AssertRefused(HttpStatusCode.Unauthorized, Hello(), "not-a-jwt");

    [Fact]
    public Task RefusesAForgedSignature() =>
        AssertRefused(HttpStatusCode.Unauthorized, Hello(), host.Identity.Mint(TeamsTestHost.AppId, host.Connector.ServiceUrl, key: host.Identity.ForgerKey));

    [Fact]
    public Task RefusesAnExpiredToken() =>
        AssertRefused(HttpStatusCode.Unauthorized, Hello(),
            host.Identity.Mint(TeamsTestHost.AppId, host.Connector.ServiceUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-6)));

    [Fact]
    public async Task AcceptsATokenExpiredWithinFiveMinutesOfSkew()
    {
        var token = host.Identity.Mint(TeamsTestHost.AppId, host.Connector.ServiceUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-3));
        using var response = await host.PostActivityAsync(Hello(), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public Task RefusesATokenNotValidYet() =>
        AssertRefused(HttpStatusCode.Unauthorized, Hello(), host.Identity.Mint(TeamsTestHost.AppId, host.Connector.ServiceUrl,
            notBefore: DateTimeOffset.UtcNow.AddMinutes(10), expires: DateTimeOffset.UtcNow.AddMinutes(70)));

    [Fact]
    public Task RefusesATokenForAnotherBot() =>
        AssertRefused(HttpStatusCode.Unauthorized, Hello(), host.Identity.Mint(Guid.NewGuid().ToString(), host.Connector.ServiceUrl));

    [Fact]
    public Task RefusesATokenFromAnotherIssuer() =>
        AssertRefused(HttpStatusCode.Unauthorized, Hello(),
            host.Identity.Mint(TeamsTestHost.AppId, host.Connector.ServiceUrl, issuer: "https://sts.windows.net/evil/"));

    [Fact]
    public Task RefusesATokenIssuedForAnotherServiceUrl() =>
        AssertRefused(HttpStatusCode.Unauthorized, Hello(), host.Identity.Mint(TeamsTestHost.AppId, "https://smba.trafficmanager.net/emea/"));

    [Fact]
    public async Task ComparesTheServiceUrlIgnoringCase()
    {
        var token = host.Identity.Mint(TeamsTestHost.AppId, host.Connector.ServiceUrl.ToUpperInvariant().Replace("HTTPS", "https"));
        using var response = await host.PostActivityAsync(Hello(), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public Task RefusesAKeyNotEndorsedForTeamsWith403() =>
        AssertRefused(HttpStatusCode.Forbidden, Hello(),
            host.Identity.Mint(TeamsTestHost.AppId, host.Connector.ServiceUrl, key: host.Identity.OtherChannelKey));

    [Fact]
    public Task RefusesAnActivityFromAnotherChannelWith403() =>
        AssertRefused(HttpStatusCode.Forbidden, Hello() with { ChannelId = "slack" }, host.GoodToken(host.Connector.ServiceUrl));

    [Fact]
    public async Task RefusesABodyThatIsNotAnActivity()
    {
        using var response = await host.PostRawAsync("{not json", host.GoodToken(host.Connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>Signing keys rotate: a token signed with a key published after start-up is accepted once the keys are fetched again.</summary>
public sealed class SigningKeyRotation : IAsyncLifetime
{
    private readonly TeamsTestHost _host = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_host).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_host).DisposeAsync();

    [Fact]
    public async Task FetchesTheKeysAgainForAnUnknownKeyId()
    {
        var serviceUrl = _host.Connector.ServiceUrl;
        using (var first = await _host.PostActivityAsync(TestActivities.Message(serviceUrl, "help")))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var fetched = _host.Identity.MetadataRequests;

        _host.Identity.RotateKeys();
        var token = _host.Identity.Mint(TeamsTestHost.AppId, serviceUrl, key: _host.Identity.NextTeamsKey);
        using var response = await _host.PostActivityAsync(TestActivities.Message(serviceUrl, "help"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_host.Identity.MetadataRequests > fetched);
    }
}

/// <summary>Without an app id (local development) the endpoint needs no token but serves this machine only.</summary>
public sealed class LocalDevelopmentMode : IAsyncLifetime
{
    private readonly TeamsTestHost _host = new(authenticated: false);

    public Task InitializeAsync() => ((IAsyncLifetime)_host).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_host).DisposeAsync();

    [Fact]
    public async Task AcceptsUnauthenticatedActivitiesFromLoopback()
    {
        // The fake connector, never a fixed port: 56150 is where a developer's Agents Playground listens.
        using var response = await _host.PostRawAsync(
            System.Text.Json.JsonSerializer.Serialize(TestActivities.Message(_host.Connector.ServiceUrl, "help"), BotJson.Options), token: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RunsCommandsAndCallsTheLocalConnectorWithoutCredentials()
    {
        var message = TestActivities.Message(_host.Connector.ServiceUrl, "kudos help");

        using var response = await _host.PostRawAsync(System.Text.Json.JsonSerializer.Serialize(message, BotJson.Options), token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = _host.Connector.Calls.Single(c => c.Path.EndsWith("/activities/" + message.Id));
        Assert.Null(reply.Authorization);
        Assert.Empty(_host.Tokens.Requests);
    }

    [Fact]
    public async Task RefusesUnauthenticatedActivitiesFromElsewhere()
    {
        var auth = _host.Services.GetRequiredService<BotFrameworkAuth>();
        var check = await auth.ValidateTokenAsync(null, IPAddress.Parse("10.1.2.3"), forwarded: false, CancellationToken.None);
        Assert.False(check.Valid);
        Assert.True((await auth.ValidateTokenAsync(null, IPAddress.IPv6Loopback, forwarded: false, CancellationToken.None)).Valid);
    }
}
