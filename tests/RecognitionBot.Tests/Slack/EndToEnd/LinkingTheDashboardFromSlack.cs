using System.Text.Json;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// With <c>Dashboard:PublicUrl</c> set, the App Home and <c>/kudos help</c> end with a link to the dashboard, in the
/// reader's language; without it, neither mentions a dashboard. Signed requests, the fake Slack recording views.publish.
/// </summary>
public sealed class LinkingTheDashboardFromSlack
{
    private const string Dashboard = "https://kudos.contoso.com/dashboard";

    private static Task<SlackAppDriver> StartAsync(string? dashboard) => SlackAppDriver.StartAsync(new Dictionary<string, string?>
    {
        ["Slack:HomeDebounce"] = "00:00:00.100",
        ["Slack:HomeInterval"] = "00:00:00.010",
        ["Dashboard:PublicUrl"] = dashboard,
    });

    private static async Task<JsonElement> HomeAsync(SlackAppDriver app, string user)
    {
        var since = DateTimeOffset.UtcNow;
        using (await app.OpenHomeAsync(user)) { }
        return await app.PublishedHomeAsync(user, since);
    }

    [Fact]
    public async Task TheHomeAndTheHelpLinkTheDashboardInTheReadersLanguage()
    {
        await using var app = await StartAsync(Dashboard);
        app.Slack.AddUser("U0006", locale: "it-IT");

        Assert.Contains($"<{Dashboard}|the Kudos dashboard>", Said(await HomeAsync(app, "U0002")));
        Assert.Contains($"Everything on the web: <{Dashboard}|the Kudos dashboard>", Said(await app.CommandAsync("U0002", "help")));
        Assert.Contains($"Tutto sul web: <{Dashboard}|la dashboard dei Kudos>", Said(await app.CommandAsync("U0006", "help")));
        Assert.Contains($"<{Dashboard}|la dashboard dei Kudos>", Said(await HomeAsync(app, "U0006")));
        // Only the help says where the dashboard is, not every answer.
        Assert.DoesNotContain(Dashboard, Said(await app.CommandAsync("U0002", "balance")));
    }

    [Fact]
    public async Task WithoutADashboardNeitherMentionsOne()
    {
        await using var app = await StartAsync(dashboard: null);

        var home = Said(await HomeAsync(app, "U0002"));
        var help = Said(await app.CommandAsync("U0002", "help"));

        Assert.Contains("Left to give", home);
        Assert.Contains("#empathy", help);
        Assert.DoesNotContain("dashboard", home + help, StringComparison.OrdinalIgnoreCase);
    }
}
