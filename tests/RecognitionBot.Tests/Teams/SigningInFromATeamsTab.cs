using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using RecognitionBot.Tests.Infrastructure;
using RecognitionBot.Tests.Teams.Fakes;
using RecognitionBot.Web.Tabs;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// The Teams tab's single sign-on over the real pipeline: an Entra v2 access token from a local issuer (one key set per
/// tenant, as Entra publishes them) is exchanged at <c>/dashboard/tabs/sso</c> for the dashboard's own session; a
/// forged, expired, foreign or misdirected one gets 401 and no session. And who may frame which page.
/// </summary>
public sealed class SigningInFromATeamsTab : IAsyncLifetime
{
    private const string PublicUrl = "https://kudos.contoso.com/dashboard";
    private const string Resource = $"api://kudos.contoso.com/botid-{TeamsTestHost.AppId}";
    private const string Tenant = TestActivities.Tenant;
    private FakeEntraIdentity _entra = null!;
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _entra = await FakeEntraIdentity.StartAsync();
        _host = new TeamsTestHost(authenticated: true, new Dictionary<string, string?>
        {
            ["Tabs:SsoMetadataUrl"] = _entra.MetadataUrl,
            ["Tabs:SsoIssuer"] = _entra.IssuerTemplate,
            ["Dashboard:PublicUrl"] = PublicUrl,
        });
        await ((IAsyncLifetime)_host).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_host).DisposeAsync();
        await _entra.DisposeAsync();
    }

    private HttpClient Browser() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(_host.BaseUrl) };

    private static async Task<HttpResponseMessage> ExchangeAsync(HttpClient browser, string? token, string scheme = "Bearer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TabEndpoints.Sso);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        return await browser.SendAsync(request);
    }

    private string Good(string audience = Resource) => _entra.Mint(Tenant, Ann.AadId, audience);

    [Theory]
    [InlineData(Resource)]
    [InlineData(TeamsTestHost.AppId)]
    public async Task AValidTokenOpensTheSameSessionTheDashboardSignInMakes(string audience)
    {
        using var browser = Browser();
        using var before = await browser.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);

        using var exchanged = await ExchangeAsync(browser, Good(audience));

        Assert.Equal(HttpStatusCode.NoContent, exchanged.StatusCode);
        Assert.Contains(exchanged.Headers.GetValues("Set-Cookie"), c => c.StartsWith("recbot.dashboard=", StringComparison.Ordinal));
        using var myKudos = await browser.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, myKudos.StatusCode);
        Assert.Contains("Left to give", await myKudos.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> Spoiled => new(["expired", "another audience", "a tenant not served", "a forged signature",
        "another tenant's key", "another issuer", "no access_as_user scope", "a v1 token", "no object id", "garbage", "no token", "Basic"]);

    [Theory]
    [MemberData(nameof(Spoiled))]
    public async Task ASpoiledTokenGets401AndNoSession(string how)
    {
        var entra = _entra;
        var token = how switch
        {
            "expired" => entra.Mint(Tenant, Ann.AadId, Resource, expires: DateTimeOffset.UtcNow.AddMinutes(-10)),
            "another audience" => entra.Mint(Tenant, Ann.AadId, "api://kudos.fabrikam.com/botid-" + TeamsTestHost.AppId),
            "a tenant not served" => entra.Mint(TeamsTestHost.ForeignTenant, Ann.AadId, Resource),
            "a forged signature" => entra.Mint(Tenant, Ann.AadId, Resource, key: entra.ForgerKey),
            "another tenant's key" => entra.Mint(Tenant, Ann.AadId, Resource, key: entra.KeyOf(TeamsTestHost.ForeignTenant)),
            "another issuer" => entra.Mint(Tenant, Ann.AadId, Resource, issuer: entra.Issuer(TeamsTestHost.BotTenant)),
            "no access_as_user scope" => entra.Mint(Tenant, Ann.AadId, Resource, scope: "User.Read"),
            "a v1 token" => entra.Mint(Tenant, Ann.AadId, Resource, version: "1.0"),
            "no object id" => entra.Mint(Tenant, "", Resource),
            "garbage" => "not-a-jwt",
            "Basic" => Good(),
            _ => null,
        };
        using var browser = Browser();
        var storage = await _host.SnapshotAsync(Workspace);

        using var exchanged = await ExchangeAsync(browser, token, how == "Basic" ? "Basic" : "Bearer");

        Assert.Equal(HttpStatusCode.Unauthorized, exchanged.StatusCode);
        Assert.False(exchanged.Headers.Contains("Set-Cookie"));
        using var after = await browser.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(storage, await _host.SnapshotAsync(Workspace));
    }

    [Fact]
    public async Task TeamsMayFrameTheTabPagesAndTheTabsSessionButNobodyFramesTheRestOfTheDashboard()
    {
        using var browser = Browser();

        using var tab = await browser.GetAsync(TabEndpoints.Personal);
        using var signIn = await browser.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, tab.StatusCode);
        Assert.Contains("frame-ancestors https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft",
            string.Join(";", tab.Headers.GetValues("Content-Security-Policy")));
        Assert.False(tab.Headers.Contains("X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", string.Join(";", signIn.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", Assert.Single(signIn.Headers.GetValues("X-Frame-Options")));

        using (await ExchangeAsync(browser, Good())) { }
        using var myKudosInTeams = await browser.GetAsync("/dashboard");
        Assert.Contains("https://teams.microsoft.com", string.Join(";", myKudosInTeams.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task TheTabPagesLoadTeamsJsFromThisHostAndSpeakTheReadersLanguage()
    {
        using var browser = Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, TabEndpoints.Configure);
        request.Headers.AcceptLanguage.ParseAdd("it-IT");

        using var page = await browser.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        using var teamsJs = await browser.GetAsync(TabEndpoints.TeamsJs);
        using var ours = await browser.GetAsync(TabEndpoints.TabJs);

        Assert.Contains("<html lang=\"it\"", html);
        Assert.Contains("Mostra i kudos di questo canale", html);
        Assert.Contains($"<script src=\"{TabEndpoints.TeamsJs}\"></script>", html);
        Assert.DoesNotContain("https://res.cdn.office.net", html);
        Assert.Equal(HttpStatusCode.OK, teamsJs.StatusCode);
        // The very file of the npm package pinned in package.json.
        var pinned = Path.Combine(Azurite.RepoRoot(), "node_modules", "@microsoft", "teams-js", "dist", "umd", "MicrosoftTeams.min.js");
        Assert.Equal(await File.ReadAllBytesAsync(pinned), await teamsJs.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/javascript", teamsJs.Content.Headers.ContentType?.MediaType);
        Assert.Contains("pages.config.setConfig", await ours.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https", SameSiteMode.None, true)]
    [InlineData("http", SameSiteMode.Lax, false)]
    public void TheSessionCookieCanTravelInTheTeamsIframeOverHttps(string scheme, SameSiteMode sameSite, bool secure)
    {
        var cookie = FrameableCookie.From(
            new CookieBuilder { Name = "recbot.dashboard", SameSite = SameSiteMode.Lax, SecurePolicy = CookieSecurePolicy.SameAsRequest });
        var http = new DefaultHttpContext();
        http.Request.Scheme = scheme;

        var options = cookie.Build(http);

        Assert.Equal((sameSite, secure), (options.SameSite, options.Secure));
    }
}
