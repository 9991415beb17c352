using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Tests.Web.Fakes;
using static RecognitionBot.Tests.Web.Fakes.DashboardTestHost;

namespace RecognitionBot.Tests.Web;

/// <summary>
/// The admin pages in a real headless Chromium against the host on Azurite, signed in with Slack at the local issuer:
/// 403 for a member on each, the catalog changed through the browser (ledger and audit rows), typed names as text,
/// the export's CSV, and axe on every admin page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministeringInABrowser(DashboardTestHost host, Browser browser) : IClassFixture<DashboardTestHost>
{
    private const string Gil = "U0011";
    private static readonly string[] Pages = ["overview", "catalog", "settings", "audit", "export"];

    private async Task<IPage> SignInAsync(string user, string name)
    {
        host.SlackSignIn.NextSlackUser(Team, user, name);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/dashboard");
        await page.Locator("a.button", new() { HasText = "Slack" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/dashboard$"), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("h1").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task AMemberGets403OnEveryAdminPage()
    {
        host.Slack.AddUser(Gil, name: "Gil Guard");
        var page = await SignInAsync(Gil, "Gil Guard");

        foreach (var name in Pages)
            Assert.Equal(403, (await page.GotoAsync($"{host.BaseUrl}/dashboard/admin/{name}"))!.Status);
    }

    [Fact]
    public async Task EveryAdminPageShowsAndPassesAxe()
    {
        var page = await SignInAsync(Ada, "Ada Admin");

        foreach (var name in Pages)
        {
            Assert.Equal(200, (await page.GotoAsync($"{host.BaseUrl}/dashboard/admin/{name}"))!.Status);
            await Browser.AssertAccessibleAsync(page);
            await Browser.ScreenshotAsync(page, "admin-" + name);
        }

        // The person's bar, as on the other pages: back to My kudos, and signing out from an admin page works.
        Assert.Equal("Ada Admin", await page.Locator(".who span").InnerTextAsync());
        await page.Locator(".who a", new() { HasText = "My kudos" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/dashboard$"));
        await page.GotoAsync($"{host.BaseUrl}/dashboard/admin/settings");
        await page.Locator(".who button", new() { HasText = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/dashboard/signin"));
        await page.GotoAsync($"{host.BaseUrl}/dashboard/admin/settings");
        Assert.Contains("/dashboard/signin", page.Url);
    }

    [Fact]
    public async Task TheCatalogChangesThroughTheBrowserAndEachChangeIsAudited()
    {
        var page = await SignInAsync(Ada, "Ada Admin");
        await page.GotoAsync(host.BaseUrl + "/dashboard/admin/catalog");

        await page.FillAsync("#add-name", "<script>window.pwned=1</script> voucher");
        await page.FillAsync("#add-cost", "15");
        await page.FillAsync("#add-stock", "2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add reward" }).ClickAsync();
        await page.Locator("[role=status]").WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
        Assert.Contains("<script>window.pwned=1</script> voucher", await page.Locator("main").InnerTextAsync());

        var article = page.Locator("article", new() { HasText = "window.pwned" });
        await article.Locator("input[name=quantity]").FillAsync("3");
        await article.GetByRole(AriaRole.Button, new() { Name = "Restock" }).ClickAsync();
        await page.Locator("[role=status]", new() { HasText = "Added 3" }).WaitForAsync();
        var asker = new CommandContext(Workspace, new("U0001"), new("C1", RecognitionBot.Core.Workspaces.ConversationKind.Channel));
        var rewards = Assert.IsType<RewardsView>(await host.Core.HandleAsync(asker, new RewardsCommand(), default)).Rewards;
        var reward = Assert.Single(rewards, r => r.Name.Contains("pwned"));
        Assert.Equal(5, reward.Stock);

        article = page.Locator("article", new() { HasText = "window.pwned" });
        await article.GetByRole(AriaRole.Button, new() { Name = "Retire" }).ClickAsync();
        await page.Locator("[role=status]", new() { HasText = "Removed" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("article", new() { HasText = "window.pwned" }).CountAsync());

        var log = await host.Services.GetRequiredService<IAuditLog>().LatestAsync(Workspace, 50, default);
        var actions = log.Where(e => e.Note == reward.Id).Select(e => e.Action).ToHashSet();
        Assert.Equal([AuditAction.RewardAdded, AuditAction.RewardRestocked, AuditAction.RewardRemoved], actions);
    }

    [Fact]
    public async Task TheExportDownloadedInTheBrowserHoldsExactlyTheKudosOfTheRange()
    {
        var message = "export check " + Guid.NewGuid().ToString("N");
        Assert.IsType<KudosGiven>(await host.SayAsync(Ann, $"<@{Bob}> +5 {message}"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var page = await SignInAsync(Ada, "Ada Admin");
        // A download leaves the page where it is: one visit, the form filled and sent once per range.
        await page.GotoAsync(host.BaseUrl + "/dashboard/admin/export");

        async Task<string[]> DownloadAsync(DateOnly from, DateOnly to)
        {
            await page.FillAsync("#export-from", from.ToString("yyyy-MM-dd"));
            await page.FillAsync("#export-to", to.ToString("yyyy-MM-dd"));
            var download = await page.RunAndWaitForDownloadAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync());
            return (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToArray();
        }

        // The workspace keeps UTC: today's kudos are those of [today, tomorrow), and none of them is before today.
        var ledger = host.Services.GetRequiredService<RecognitionBot.Core.Ledger.TableLedger>();
        var expected = new List<string>();
        await foreach (var k in ledger.QueryKudosAsync(Workspace, new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), default)) expected.Add(k.Id);
        var todays = await DownloadAsync(today, today.AddDays(1));
        var before = await DownloadAsync(today.AddDays(-7), today);

        Assert.StartsWith("given_at_utc,kudos_id", todays[0].TrimStart('\uFEFF'));
        Assert.Contains(todays, l => l.Contains(message));
        Assert.Equal(expected.Order(), todays.Skip(1).Select(l => l.Split(',')[1]).Order());
        Assert.DoesNotContain(before, l => l.Contains(message));
        Assert.All(before.Skip(1), l => Assert.DoesNotContain(l.Split(',')[1], expected));
    }

    [Fact]
    public async Task AnAdminFormPostedWithoutItsAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        var page = await SignInAsync(Ada, "Ada Admin");
        await page.GotoAsync(host.BaseUrl + "/dashboard/admin/catalog");
        await host.OutboxDrainedAsync();
        var before = await host.RowsAsync();

        await page.EvaluateAsync("() => document.querySelectorAll('input[name=__RequestVerificationToken]').forEach(e => e.remove())");
        await page.FillAsync("#add-name", "Forged voucher");
        await page.FillAsync("#add-cost", "15");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Add reward" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        Assert.Equal(before, await host.RowsAsync());
    }
}
