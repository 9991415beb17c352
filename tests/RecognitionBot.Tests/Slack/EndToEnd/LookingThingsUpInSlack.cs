using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Digests;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>The other /kudos commands, each answered privately within the request.</summary>
public sealed class LookingThingsUpInSlack : IAsyncLifetime
{
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SlackAppDriver.StartAsync();
        await _app.CommandAsync("U0001", "<@U0002> +30 for calming down the angriest caller of the week #empathy");
        await _app.CommandAsync("U0003", "<@U0002> +5 for sharing the macro #teamwork");
        await _app.CommandAsync("U0002", "<@U0003> +7 for the handover notes");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task BalanceShowsAllowancePointsAndRecentKudos()
    {
        var said = Said(await _app.CommandAsync("U0002", "balance"));

        Assert.Contains("Left to give: 93 of 100 points", said);
        Assert.Contains("Available: 35 points", said);
        Assert.Contains("<@U0001>", said);
        Assert.Contains("for calming down the angriest caller", said);
    }

    [Fact]
    public async Task MeIsBalanceToo() =>
        Assert.Contains("Available: 35 points", Said(await _app.CommandAsync("U0002", "me")));

    [Fact]
    public async Task LeaderboardRanksByKudosReceived()
    {
        var said = Said(await _app.CommandAsync("U0005", "leaderboard week"));

        Assert.Contains("1. <@U0002>: 2 kudos, 35 points", said);
        Assert.Contains("2. <@U0003>: 1 kudos, 7 points", said);
        Assert.True(said.IndexOf("<@U0002>", StringComparison.Ordinal) < said.IndexOf("<@U0003>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABadLeaderboardPeriodIsExplained() =>
        Assert.Contains("/kudos leaderboard week", Said(await _app.CommandAsync("U0005", "leaderboard fortnight")));

    [Fact]
    public async Task HistoryListsTheMembersMovements()
    {
        var said = Said(await _app.CommandAsync("U0002", "history"));

        Assert.Contains("+30 received from <@U0001>", said);
        Assert.Contains("+5 received from <@U0003>", said);
        Assert.Contains("7 given to <@U0003>", said);
    }

    [Fact]
    public async Task HelpExplainsUsageRulesAndValues()
    {
        var said = Said(await _app.CommandAsync("U0005", "help"));

        Assert.Contains("/kudos @", said);
        Assert.Contains("100 points to give per month", said);
        Assert.Contains("#empathy", said);
        Assert.Contains("#above-and-beyond", said);
    }

    [Fact]
    public async Task AnEmptyCommandOpensTheComposerWithTheValues()
    {
        var since = DateTimeOffset.UtcNow;
        var response = await _app.Host.CommandAsync("", "U0005");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("#customer-first", Said(await _app.OpenedViewAsync(since)));
    }

    [Fact]
    public async Task SettingsAreTheMembersOwn()
    {
        var said = Said(await _app.CommandAsync("U0004", "settings private on"));

        Assert.Contains("Private celebrations: on", said);
        await _app.CommandAsync("U0001", "<@U0004> +10 for the quiet fix in the billing queue");
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0004");
        await _app.OutboxDrainedAsync();
        Assert.DoesNotContain(_app.PostsTo(Channel), p => p.Body.Contains("U0004", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DigestOnSubscribesThisChannelAndOffUnsubscribes()
    {
        var on = Said(await _app.CommandAsync("U0009", "digest on monday 09:30 Europe/Rome"));
        var subscriptions = _app.Host.Services.GetRequiredService<DigestSubscriptions>();

        Assert.Contains("09:30", on);
        Assert.Contains("Europe/Rome", on);
        Assert.Contains(await subscriptions.ListAsync(Workspace, CancellationToken.None), s => s.Conversation.Id == Channel && s.Day == DayOfWeek.Monday);

        var off = Said(await _app.CommandAsync("U0009", "digest off"));
        Assert.Contains("no longer", off);
        Assert.DoesNotContain(await subscriptions.ListAsync(Workspace, CancellationToken.None), s => s.Conversation.Id == Channel);
    }

    [Fact]
    public async Task DigestNowPreviewsThisWeekOnlyToTheAsker()
    {
        var said = Said(await _app.CommandAsync("U0005", "digest now"));

        Assert.Contains("3 kudos", said);
        Assert.Contains("<@U0002>", said);
        await _app.OutboxDrainedAsync();
        Assert.DoesNotContain(_app.Slack.CallsTo("chat.postMessage"), p => p.Body.Contains("This week in kudos", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABadDigestScheduleIsExplainedWithAnExample() =>
        Assert.Contains("/kudos digest on friday 16:00 Europe/Rome", Said(await _app.CommandAsync("U0005", "digest on someday 25:99 Mars/Olympus")));

    [Fact]
    public async Task AnUnknownWordIsExplained()
    {
        var said = Said(await _app.CommandAsync("U0005", "dance"));

        Assert.Contains("For example: /kudos @", said);
    }
}
