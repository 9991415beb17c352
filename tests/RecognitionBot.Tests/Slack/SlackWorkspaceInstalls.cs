using System.Net;
using Azure.Data.Tables;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Hosting;
using RecognitionBot.Tests.Infrastructure;
using RecognitionBot.Tests.Slack.Fakes;

namespace RecognitionBot.Tests.Slack;

/// <summary>OAuth v2 installs into other workspaces, with tokens encrypted at rest in Azurite.</summary>
public sealed class SlackWorkspaceInstalls : IAsyncLifetime
{
    private const string Redirect = SlackInstallFlow.Redirect;
    private SlackTestHost _host = null!;

    private static Dictionary<string, string?> Settings => SlackInstallFlow.Settings();

    public async Task InitializeAsync() => _host = await SlackTestHost.StartAsync(Settings);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private TableClient Table(string name) => new(Azurite.ConnectionString, _host.TablePrefix + name);

    private void SlackKnowsCode(string code, string team, string token, string? enterprise = null, bool orgWide = false) =>
        SlackInstallFlow.SlackKnowsCode(_host.Slack, code, team, token, enterprise, orgWide);

    private Task<(string State, string Cookie)> StartInstallAsync() => SlackInstallFlow.StartAsync(_host);

    private Task<HttpResponseMessage> CallbackAsync(string query, string? cookie) => SlackInstallFlow.CallbackAsync(_host, query, cookie);

    private Task InstallAsync(string code) => SlackInstallFlow.InstallAsync(_host, code);

    private SlackInstallations Installations => _host.Services.GetRequiredService<SlackInstallations>();

    [Fact]
    public async Task InstallSendsTheAdminToSlackWithOurClientIdScopesAndAState()
    {
        var response = await _host.Client.GetAsync("/slack/install");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("https://slack.com/oauth/v2/authorize", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("111.222", query["client_id"]);
        Assert.Equal(Redirect, query["redirect_uri"]);
        Assert.Contains("commands", query["scope"].ToString().Split(','));
        Assert.Contains("usergroups:read", query["scope"].ToString().Split(','));
        Assert.True(query["state"].ToString().Length > 40);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/slack/oauth/callback", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheStateCookieIsSecureAndTheRedirectHttpsEvenWhenTheRequestArrivedOverHttp()
    {
        // What App Service's front end hands the app: TLS ended, plain http inside.
        var request = new HttpRequestMessage(HttpMethod.Get, "http://bot.example/slack/install");
        request.Headers.Add("X-Forwarded-Proto", "http");

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';').Select(p => p.Trim().ToLowerInvariant()).ToArray();
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Equal(Redirect, QueryHelpers.ParseQuery(response.Headers.Location!.Query)["redirect_uri"]);
    }

    [Fact]
    public void AProductionHostWithInstallsRefusesToStartWithoutANamedHttpsRedirect()
    {
        // Behind the proxy a redirect derived from the request would say http://, and Slack would refuse it.
        using var host = new AppHost("Production", new Dictionary<string, string?>(Settings)
        {
            ["Storage:AccountUri"] = "https://strecbot.table.core.windows.net/",
            ["Slack:SigningSecret"] = "s",
            ["Slack:RedirectUri"] = null,
            ["Slack:KeyRingCertificate"] = EncryptingTheKeyRing.NewCertificate(),
        });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient()).ToString();

        Assert.Contains("will not start in Production", error);
        Assert.Contains("need Slack:RedirectUri", error);
    }

    [Fact]
    public async Task ACompletedInstallStoresTheWorkspaceTokenEncrypted()
    {
        SlackKnowsCode("code-1", "T9", "xoxb-t9-secret");

        var (state, cookie) = await StartInstallAsync();
        var response = await CallbackAsync($"code=code-1&state={Uri.EscapeDataString(state)}", cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Acme Support", await response.Content.ReadAsStringAsync());
        var exchange = Assert.Single(_host.Slack.CallsTo("oauth.v2.access"));
        Assert.Equal("111.222:client-secret-value", exchange.BasicCredentials);
        Assert.Equal(Redirect, exchange.Arg("redirect_uri"));

        var row = (await Table("installations").GetEntityAsync<TableEntity>("slack", "T9")).Value;
        Assert.DoesNotContain("xoxb-t9-secret", string.Join("|", row.Select(p => p.Value)));
        Assert.Equal("UBOTT9", row.GetString("BotUserId"));
        Assert.Equal(new SlackBot("xoxb-t9-secret", "UBOTT9"), await Installations.BotForAsync("T9", null));
    }

    [Fact]
    public async Task AForgedStateInstallsNothing()
    {
        SlackKnowsCode("code-2", "T9", "xoxb-t9");
        var (_, cookie) = await StartInstallAsync();

        var response = await CallbackAsync("code=code-2&state=forged-state", cookie);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Slack.CallsTo("oauth.v2.access"));
        Assert.Null(await Installations.BotForAsync("T9", null));
    }

    [Fact]
    public async Task AStateWithoutItsBrowserCookieInstallsNothing()
    {
        SlackKnowsCode("code-3", "T9", "xoxb-t9");
        var (state, _) = await StartInstallAsync();
        var (_, otherBrowsersCookie) = await StartInstallAsync();

        var noCookie = await CallbackAsync($"code=code-3&state={Uri.EscapeDataString(state)}", null);
        var wrongCookie = await CallbackAsync($"code=code-3&state={Uri.EscapeDataString(state)}", otherBrowsersCookie);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (noCookie.StatusCode, wrongCookie.StatusCode));
        Assert.Empty(_host.Slack.CallsTo("oauth.v2.access"));
    }

    [Fact]
    public async Task ACancelledInstallInstallsNothing()
    {
        var (state, cookie) = await StartInstallAsync();

        var response = await CallbackAsync($"error=access_denied&state={Uri.EscapeDataString(state)}", cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cancelled", await response.Content.ReadAsStringAsync());
        Assert.Empty(_host.Slack.CallsTo("oauth.v2.access"));
    }

    [Fact]
    public async Task InstallPagesSpeakTheBrowsersLanguage()
    {
        var (state, cookie) = await StartInstallAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/slack/oauth/callback?error=access_denied&state={Uri.EscapeDataString(state)}");
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Accept-Language", "sv-SE,sv;q=0.9,en;q=0.5");

        var page = await (await _host.Client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.True(page.Contains("Installationen avbröts", StringComparison.Ordinal), page);
        Assert.Contains("lang=\"sv\"", page);
    }

    [Fact]
    public async Task ACodeSlackRefusesInstallsNothing()
    {
        var (state, cookie) = await StartInstallAsync();

        var response = await CallbackAsync($"code=unknown-code&state={Uri.EscapeDataString(state)}", cookie);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("invalid_code", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EachWorkspaceGetsItsOwnToken()
    {
        SlackKnowsCode("code-a", "TA", "xoxb-a");
        SlackKnowsCode("code-b", "TB", "xoxb-b");

        await InstallAsync("code-a");
        await InstallAsync("code-b");

        Assert.Equal("xoxb-a", (await Installations.BotForAsync("TA", null))!.Token);
        Assert.Equal("xoxb-b", (await Installations.BotForAsync("TB", null))!.Token);
        Assert.Null(await Installations.BotForAsync("TC", null));
    }

    [Fact]
    public async Task AnOrgWideInstallServesEveryTeamOfTheEnterprise()
    {
        SlackKnowsCode("code-org", "", "xoxb-org", enterprise: "E1", orgWide: true);

        await InstallAsync("code-org");

        Assert.Equal("xoxb-org", (await Installations.BotForAsync("T5", "E1"))!.Token);
        Assert.Null(await Installations.BotForAsync("T5", "E2"));
    }

    [Fact]
    public async Task UninstallingTheAppForgetsTheWorkspace()
    {
        SlackKnowsCode("code-u", "T9", "xoxb-t9");
        await InstallAsync("code-u");

        var first = await _host.PostSignedAsync("/slack/events", Event("EvU1", """{"type":"app_uninstalled"}"""), "application/json");
        var retried = await _host.PostSignedAsync("/slack/events", Event("EvU1", """{"type":"app_uninstalled"}"""), "application/json",
            headers: new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retried.StatusCode));
        Assert.Null(await Installations.BotForAsync("T9", null));
        Assert.False((await Table("installations").GetEntityIfExistsAsync<TableEntity>("slack", "T9")).HasValue);
    }

    [Fact]
    public async Task RevokedBotTokensForgetTheWorkspaceButRevokedUserTokensDoNot()
    {
        SlackKnowsCode("code-r", "T9", "xoxb-t9");
        await InstallAsync("code-r");

        await _host.PostSignedAsync("/slack/events", Event("EvR1", """{"type":"tokens_revoked","tokens":{"oauth":["U1"]}}"""), "application/json");
        Assert.NotNull(await Installations.BotForAsync("T9", null));

        await _host.PostSignedAsync("/slack/events", Event("EvR2", """{"type":"tokens_revoked","tokens":{"bot":["UBOTT9"]}}"""), "application/json");
        Assert.Null(await Installations.BotForAsync("T9", null));
    }

    [Fact]
    public async Task AnotherInstanceDecryptsTheTokenThroughTheSharedKeyRing()
    {
        SlackKnowsCode("code-k", "T9", "xoxb-t9-shared");
        await InstallAsync("code-k");

        await using var other = await SlackTestHost.StartAsync(Settings, tablePrefix: _host.TablePrefix);
        var bot = await other.Services.GetRequiredService<SlackInstallations>().BotForAsync("T9", null);

        Assert.Equal("xoxb-t9-shared", bot?.Token);
        Assert.NotEmpty(Table("dataprotectionkeys").Query<TableEntity>().ToList());
    }

    private static string Event(string id, string eventJson) =>
        $$"""{"type":"event_callback","team_id":"T9","api_app_id":"A0001","event_id":"{{id}}","event":{{eventJson}}}""";
}

/// <summary>With only a signing secret and a bot token configured, the app serves that one workspace; no install flow.</summary>
public sealed class SlackSingleWorkspaceMode
{
    [Fact]
    public async Task UsesTheConfiguredTokenAndOffersNoInstall()
    {
        await using var host = await SlackTestHost.StartAsync();

        var bot = await host.Services.GetRequiredService<SlackInstallations>().BotForAsync("T0001", null);

        Assert.Equal(SlackTestHost.BotToken, bot?.Token);
        var install = await host.Client.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.NotFound, install.StatusCode);
    }
}
