using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Slack.Fakes;
using RecognitionBot.Tests.Web.Fakes;
using static RecognitionBot.Tests.Web.Fakes.DashboardTestHost;

namespace RecognitionBot.Tests.Web;

/// <summary>
/// The dashboard in a real headless Chromium against the host on Azurite, signing in with Slack at a local issuer:
/// my balance, an approval made in the browser reaching Slack exactly as a click on the card does, the sign-in
/// redirect, 403 above one's role, user text as text, antiforgery, the language, and axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardInABrowser(DashboardTestHost host, Browser browser) : IClassFixture<DashboardTestHost>, IAsyncLifetime
{
    // More people than the host's four: each test has someone of its own, so the tests share the host, not their state.
    private const string Cat = "U0003", Dan = "U0004", Eve = "U0005", Finn = "U0006";
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _seeded;

    public async Task InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_seeded) return;
            host.Slack.AddUser(Cat, name: "Cat Caller");
            host.Slack.AddUser(Dan, name: "Dan Dispatcher");
            host.Slack.AddUser(Eve, name: "Eve Escalations");
            host.Slack.AddUser(Finn, name: "Finn Finance", locale: "sv-SE");
            Assert.IsType<AdminDone>(await host.SayAsync(Ada, "admin reward add \"Extra break\" 20"));
            Assert.IsType<AdminDone>(await host.SayAsync(Ada, $"admin approver add <@{Mia}>"));
            _seeded = true;
        }
        finally
        {
            Once.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Opens the dashboard, is sent to sign in, signs in with Slack as <paramref name="user"/> and lands on My kudos.</summary>
    private async Task<IPage> SignInAsync(string user, string name, string locale = "en-US", string team = Team, int width = 1024)
    {
        host.SlackSignIn.NextSlackUser(team, user, name);
        var page = await browser.NewPageAsync(locale, width);
        await page.GotoAsync(host.BaseUrl + "/dashboard");
        Assert.StartsWith(host.BaseUrl + "/dashboard/signin", page.Url);
        await page.Locator("a.button", new() { HasText = "Slack" }).First.ClickAsync();
        // Wait for the address, then for the page's heading: a busy machine may keep the load event back.
        await page.WaitForURLAsync(new Regex("/dashboard(/unknown)?$"), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("h1").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task SigningInWithSlackShowsMyBalanceAllowanceAndHistory()
    {
        Assert.IsType<KudosGiven>(await host.SayAsync(Ann, $"<@{Cat}> +30 for the calm on the phones today"));

        var page = await SignInAsync(Cat, "Cat Caller");

        Assert.Equal("My kudos", await page.Locator("h1").InnerTextAsync());
        var home = await page.Locator("#main").InnerTextAsync();
        Assert.Contains("Available: 30 points", home);
        Assert.Contains("Left to give:", home);
        Assert.Contains("for the calm on the phones today", home);
        Assert.Contains("Ann Agent", home);
        Assert.Contains("Extra break", home);
        Assert.Contains("Cat Caller", await page.Locator("header").InnerTextAsync());
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "my-kudos");
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignInAndSeesNoData()
    {
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync(host.BaseUrl + "/dashboard/people");

        Assert.Equal(200, response!.Status);
        Assert.Equal(host.BaseUrl + "/dashboard/signin?ReturnUrl=%2Fdashboard%2Fpeople", page.Url);
        Assert.DoesNotContain("Available:", await page.ContentAsync());
        await Browser.AssertAccessibleAsync(page);
        using var client = host.NewClient();
        foreach (var path in new[] { "/dashboard", "/dashboard/people" })
        {
            var raw = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, raw.StatusCode);
            Assert.Contains("/dashboard/signin?ReturnUrl=", raw.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task AMemberAskingForTheApproversPageGets403AndNoLinkToIt()
    {
        var page = await SignInAsync(Dan, "Dan Dispatcher");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "My people" }).CountAsync());

        var response = await page.GotoAsync(host.BaseUrl + "/dashboard/people");

        Assert.Equal(403, response!.Status);
        Assert.Equal("This page is not for you", await page.Locator("h1").InnerTextAsync());
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AnApproverApprovesInTheBrowserAndSlackGetsTheCardUpdateAndTheRequesterTheNotice()
    {
        Assert.IsType<KudosGiven>(await host.SayAsync(Ada, $"<@{Bob}> +50 for carrying the whole queue today"));
        Assert.IsType<RedemptionView>(await host.SayAsync(Bob, "redeem Extra break"));
        var card = await host.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "D" + Mia && c.Body.Contains("Extra break"));
        var ts = card.ResponseJson.GetProperty("ts").GetString();

        var page = await SignInAsync(Mia, "Mia Manager");
        await page.GetByRole(AriaRole.Link, new() { Name = "My people" }).ClickAsync();
        var pending = page.Locator("section[aria-labelledby=pending-title]");
        Assert.Contains("Bob Builder asks for \"Extra break\"", await pending.InnerTextAsync());
        await Browser.AssertAccessibleAsync(page);
        await Browser.ScreenshotAsync(page, "my-people");
        await pending.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        Assert.Contains("approved", await page.Locator("[role=status]").InnerTextAsync());
        var update = await host.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == ts);
        Assert.Contains($"Approved by <@{Mia}>", SlackAppDriver.Said(update.Json));
        var notice = await host.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "D" + Bob && c.Body.Contains("approved"));
        Assert.Contains($"<@{Mia}>", SlackAppDriver.Said(notice.Json));
        Assert.DoesNotContain(await Ledger.GetPendingRedemptionsAsync(Workspace, CancellationToken.None), r => r.Requester.Value == Bob);
        var bob = await Ledger.GetMemberAsync(Workspace, new MemberId(Bob), CancellationToken.None);
        Assert.Equal((0, 20, 30), (bob.Balance.Held, bob.Balance.Spent, bob.Balance.Available));
        Assert.Equal("Nothing is waiting for you.", await page.Locator("section[aria-labelledby=pending-title] p.subtle").InnerTextAsync());
    }

    [Fact]
    public async Task AKudosMessageContainingAScriptTagIsShownAsText()
    {
        const string message = "<script>window.pwned = 1</script> thanks for the <b>save</b>";
        Assert.IsType<KudosGiven>(await host.SayAsync(Ann, $"<@{Eve}> +10 {message}"));

        var page = await SignInAsync(Eve, "Eve Escalations");

        Assert.Contains(message, await page.Locator("#main").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#main script, #main b").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        Assert.IsType<KudosGiven>(await host.SayAsync(Ada, $"<@{Eve}> +30 for the night shift cover"));
        var page = await SignInAsync(Eve, "Eve Escalations");
        await host.OutboxDrainedAsync();
        var before = await host.RowsAsync();

        await page.EvaluateAsync("() => document.querySelectorAll('input[name=__RequestVerificationToken]').forEach(e => e.remove())");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Redeem" }).First.ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        Assert.Equal(before, await host.RowsAsync());
    }

    [Fact]
    public async Task ThePagesSpeakTheMembersLanguageElseTheBrowsers()
    {
        var italian = await browser.NewPageAsync("it-IT");
        await italian.GotoAsync(host.BaseUrl + "/dashboard");
        Assert.Equal("it", await italian.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Accedi", await italian.Locator("h1").InnerTextAsync());

        // Finn wrote to the bot in Swedish once: the core keeps that, and it wins over an English browser.
        await host.Core.HandleAsync(new CommandContext(Workspace, new MemberId(Finn), new ConversationRef("D0FINN", ConversationKind.Direct),
            Locale: "sv-SE"), new BalanceCommand(), CancellationToken.None);
        var page = await SignInAsync(Finn, "Finn Finance", locale: "en-US");
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Mina kudos", await page.Locator("h1").InnerTextAsync());
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task APersonOfAWorkspaceTheAppDoesNotServeGetsAFriendlyPageAndNoSession()
    {
        var page = await SignInAsync("U0999", "Olga Other", team: "T0999");

        Assert.Equal(host.BaseUrl + "/dashboard/unknown", page.Url);
        Assert.Equal("This workspace does not use the app", await page.Locator("h1").InnerTextAsync());
        await Browser.AssertAccessibleAsync(page);
        await page.GotoAsync(host.BaseUrl + "/dashboard");
        Assert.StartsWith(host.BaseUrl + "/dashboard/signin", page.Url);
    }

    [Fact]
    public async Task SigningInWithMicrosoftNeedsATenantTheAppServes()
    {
        const string oid = "5d0d2b0e-0a55-4a9f-9d7e-aa0000000042";
        host.EntraSignIn.NextEntraUser(ForeignTenant, oid, "Gus Guest");
        var foreign = await browser.NewPageAsync();
        await foreign.GotoAsync(host.BaseUrl + "/dashboard");
        await foreign.Locator("a.button", new() { HasText = "Microsoft" }).ClickAsync();
        await foreign.WaitForURLAsync(new Regex("/dashboard/unknown$"));

        host.EntraSignIn.NextEntraUser(Tenant, oid, "Tess Teams");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/dashboard");
        await page.Locator("a.button", new() { HasText = "Microsoft" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/dashboard$"));

        Assert.Equal("My kudos", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Available: 0 points", await page.Locator("#main").InnerTextAsync());
        Assert.Contains("Tess Teams", await page.Locator("header").InnerTextAsync());
    }

    [Fact]
    public async Task MyKudosIsUsableAtPhoneWidthAndByKeyboard()
    {
        var page = await SignInAsync(Cat, "Cat Caller", width: 360);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"), "the page scrolls sideways at 360 px");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url);
        await Browser.AssertAccessibleAsync(page);
    }

    private ILedger Ledger => host.Services.GetRequiredService<ILedger>();
}

/// <summary>One Chromium for all browser tests, which run one class at a time (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "Browser";
}
