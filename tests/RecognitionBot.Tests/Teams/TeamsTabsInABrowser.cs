using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using RecognitionBot.Tests.Teams.Fakes;
using RecognitionBot.Tests.Web;
using RecognitionBot.Tests.Web.Fakes;
using RecognitionBot.Web.Tabs;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// The Teams tabs in a real headless Chromium against the host on Azurite. Teams itself is played by a stand-in for
/// the TeamsJS file (served in its place through Playwright's routing) whose <c>getAuthToken</c> returns a token of
/// the local Entra issuer: the page exchanges it, the session opens, and the tab shows what the person may see.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamsTabsInABrowser(Browser browser) : IAsyncLifetime
{
    private const string Resource = $"api://kudos.contoso.com/botid-{TeamsTestHost.AppId}";
    private FakeEntraIdentity _entra = null!;
    private TeamsTestHost _host = null!;
    private TeamsScenario _teams = null!;

    public async Task InitializeAsync()
    {
        _entra = await FakeEntraIdentity.StartAsync();
        _host = new TeamsTestHost(authenticated: true, new Dictionary<string, string?>
        {
            ["Tabs:SsoMetadataUrl"] = _entra.MetadataUrl,
            ["Tabs:SsoIssuer"] = _entra.IssuerTemplate,
            ["Dashboard:PublicUrl"] = "https://kudos.contoso.com/dashboard",
        });
        await ((IAsyncLifetime)_host).InitializeAsync();
        _teams = new TeamsScenario(_host).WithRoster();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_host).DisposeAsync();
        await _entra.DisposeAsync();
    }

    private string BaseUrl => _host.BaseUrl;

    /// <summary>A page on which "Teams" is the stand-in: its token is <paramref name="token"/>, its context names the channel.</summary>
    private async Task<IPage> InTeamsAsync(string token, string? channel = null)
    {
        var page = await browser.NewPageAsync();
        var context = JsonSerializer.Serialize(new
        {
            app = new { locale = "en-us" },
            channel = channel is null ? null : new { id = channel },
            team = channel is null ? null : new { internalId = TeamId },
        });
        var standIn = $$"""
            window.microsoftTeams = {
              app: { initialize: function () { return Promise.resolve(); }, getContext: function () { return Promise.resolve({{context}}); } },
              authentication: { getAuthToken: function () { return Promise.resolve({{JsonSerializer.Serialize(token)}}); } },
              pages: { config: {
                registerOnSaveHandler: function (h) { window.saveHandler = h; },
                setValidityState: function (v) { window.valid = v; },
                setConfig: function (c) { window.savedConfig = c; return Promise.resolve(); } } }
            };
            """;
        await page.RouteAsync("**" + TabEndpoints.TeamsJs, route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/javascript",
            Body = standIn,
        }));
        return page;
    }

    [Fact]
    public async Task ThePersonalTabSignsInWithTeamsAndShowsMyBalance()
    {
        await _teams.SayAsync(Bob, Channel(NewChannel(), "1"), "kudos @ann +15 for covering the early shift");

        var page = await InTeamsAsync(_entra.Mint(TestActivities.Tenant, Ann.AadId, Resource, name: Ann.Name));
        await page.GotoAsync(BaseUrl + TabEndpoints.Personal);
        await page.WaitForURLAsync(BaseUrl + TabEndpoints.MyKudos);

        var home = await page.Locator("#main").InnerTextAsync();
        Assert.Contains("Available: 15 points", home);
        Assert.Contains("for covering the early shift", home);
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AForgedTokenShowsNothingButTheFailure()
    {
        var page = await InTeamsAsync(_entra.Mint(TestActivities.Tenant, Ann.AadId, Resource, key: _entra.ForgerKey));
        await page.GotoAsync(BaseUrl + TabEndpoints.Personal);

        await page.Locator("#failed").WaitForAsync();
        Assert.EndsWith(TabEndpoints.Personal, page.Url);
        Assert.Contains("could not sign you in", await page.Locator("#failed").InnerTextAsync());
    }

    [Fact]
    public async Task TheChannelTabShowsThatChannelsLeaderboardAndLatestKudos()
    {
        var here = NewChannel();
        await _teams.SayAsync(Ann, Channel(here, "10"), "kudos @bob +5 for the escalation playbook");
        await _teams.SayAsync(Ann, Channel(NewChannel(), "11"), "kudos @dan +5 for something said in another channel");

        var page = await InTeamsAsync(_entra.Mint(TestActivities.Tenant, Cat.AadId, Resource, name: Cat.Name), here);
        await page.GotoAsync($"{BaseUrl}{TabEndpoints.Channel}?team={Uri.EscapeDataString(TeamId)}&channel={Uri.EscapeDataString(here)}");
        await page.WaitForURLAsync(url => url.Contains(TabEndpoints.ChannelBoard, StringComparison.Ordinal));

        var board = await page.Locator("#main").InnerTextAsync();
        Assert.Contains("Kudos in this channel", board);
        Assert.Contains("Bob Builder", board);
        Assert.Contains("for the escalation playbook", board);
        Assert.DoesNotContain("another channel", board);
        Assert.DoesNotContain("Dan Dispatcher", board);
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task TheConfigurationPageSavesThisChannelsContentUrlOnceTheUserConfirms()
    {
        var here = NewChannel();
        var page = await InTeamsAsync("unused", here);
        await page.GotoAsync(BaseUrl + TabEndpoints.Configure);

        await page.GetByRole(AriaRole.Button, new() { Name = "Show them in this channel" }).ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("window.valid === true"));
        await page.EvaluateAsync("new Promise(function (done) { window.saveHandler({ notifySuccess: done, notifyFailure: done }); })");

        var saved = new Uri(await page.EvaluateAsync<string>("window.savedConfig.contentUrl"));
        var query = QueryHelpers.ParseQuery(saved.Query);
        Assert.Equal(BaseUrl + TabEndpoints.Channel, saved.GetLeftPart(UriPartial.Path));
        Assert.Equal((TeamId, here), (query["team"].ToString(), query["channel"].ToString()));
        await Browser.AssertAccessibleAsync(page);
    }
}
