using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>/kudos through the real pipeline: signed request, core on Azurite, posts made through the fake Slack.</summary>
public sealed class GivingKudosInSlack : IAsyncLifetime
{
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync() => _app = await SlackAppDriver.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task GivesAtOnceAnswersPrivatelyThenCelebratesInTheChannelAndTellsTheRecipient()
    {
        var reply = await _app.CommandAsync("U0001", "<@U0002|ann> +10 thanks for taking that angry escalation #empathy");

        Assert.Contains("<@U0002>", Said(reply));
        Assert.Contains("90", Said(reply));
        Assert.Equal(10, (await _app.BalanceAsync("U0002")).Balance.Available);
        Assert.Equal(90, (await _app.BalanceAsync("U0001")).Allowance.Left);

        var celebration = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == Channel);
        Assert.Equal(SlackTestHost.BotToken, celebration.Token);
        var blocks = celebration.Json.GetProperty("blocks").GetRawText();
        Assert.Contains("<@U0001>", Said(celebration.Json));
        Assert.Contains("<@U0002>", Said(celebration.Json));
        Assert.Contains("thanks for taking that angry escalation #empathy", Said(celebration.Json));
        Assert.Contains("rich_text_quote", blocks);

        var dm = await _app.Slack.WaitForCallAsync("conversations.open", c => c.Arg("users") == "U0002");
        var received = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0002");
        Assert.Contains("10", Said(received.Json));
        Assert.NotNull(dm);
    }

    [Fact]
    public async Task AUserGroupRecognisesEachOfItsMembersButNeverTheGiver()
    {
        _app.Slack.UserGroups["S0001"] = ["U0002", "U0003", "U0001"];

        var reply = await _app.CommandAsync("U0001", "<!subteam^S0001|@agents> +5 thanks team for covering the late shift");

        Assert.Contains("<@U0002>", Said(reply));
        Assert.Contains("<@U0003>", Said(reply));
        Assert.Equal(5, (await _app.BalanceAsync("U0002")).Balance.Available);
        Assert.Equal(5, (await _app.BalanceAsync("U0003")).Balance.Available);
        Assert.Equal(0, (await _app.BalanceAsync("U0001")).Balance.Earned);
        Assert.Equal(90, (await _app.BalanceAsync("U0001")).Allowance.Left);
        Assert.Equal("S0001", _app.Slack.CallsTo("usergroups.users.list").Single().Arg("usergroup"));
    }

    [Fact]
    public async Task MassPingsInTheMessageNeverPingAnyone()
    {
        await _app.CommandAsync("U0001", "<@U0002> +10 <!channel> <!here|here> <!everyone> look what she did &lt;!here&gt;");

        var celebration = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == Channel);
        var dm = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0002");
        foreach (var post in new[] { celebration, dm })
        {
            var everything = Said(post.Json);
            Assert.DoesNotContain("<!channel>", everything);
            Assert.DoesNotContain("<!here", everything);
            Assert.DoesNotContain("<!everyone>", everything);
            Assert.Contains("@channel @here @everyone look what she did", everything);
        }
    }

    [Fact]
    public async Task ARetriedCommandNeverGivesTwice()
    {
        var first = await _app.CommandAsync("U0001", "<@U0002> +10 great save on the outage call", triggerId: "trig-retry-1");
        var again = await _app.CommandAsync("U0001", "<@U0002> +10 great save on the outage call", triggerId: "trig-retry-1");

        Assert.Equal(Said(first), Said(again));
        Assert.Equal(10, (await _app.BalanceAsync("U0002")).Balance.Available);
        Assert.Equal(90, (await _app.BalanceAsync("U0001")).Allowance.Left);
        await _app.OutboxDrainedAsync();
        Assert.Single(_app.PostsTo(Channel));
    }

    [Fact]
    public async Task AFirstAnswerIsNeverReplayedToSomeoneElseWithTheSameTriggerId()
    {
        await _app.CommandAsync("U0001", "<@U0002> +10 great save on the outage call", triggerId: "trig-shared");

        // Slack never reuses a trigger id; if one came twice, the second asker still gets their own answer.
        var other = await _app.CommandAsync("U0003", "<@U0002> +5 thanks for the handover notes", triggerId: "trig-shared");

        Assert.Contains("95", Said(other));
        Assert.Equal(15, (await _app.BalanceAsync("U0002")).Balance.Available);
        Assert.Equal(95, (await _app.BalanceAsync("U0003")).Allowance.Left);
    }

    [Fact]
    public async Task PrivateKudosSkipTheChannelAndOnlyTheRecipientHears()
    {
        var reply = await _app.CommandAsync("U0001", "<@U0002> +10 thanks for the quiet help --private");

        Assert.Contains("Only they will see it", Said(reply));
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0002");
        await _app.OutboxDrainedAsync();
        Assert.Empty(_app.PostsTo(Channel));
    }

    [Fact]
    public async Task KudosGivenInADirectMessageWithTheBotAreNotCelebratedInPublic()
    {
        await _app.CommandAsync("U0001", "<@U0002> +10 thanks for the help today", channel: "D0001");

        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0002");
        await _app.OutboxDrainedAsync();
        Assert.Empty(_app.PostsTo("D0001"));
        Assert.Single(_app.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task AThrottledPostIsRetriedAfterRetryAfterAndStillArrives()
    {
        _app.Slack.Script("chat.postMessage", FakeResponse.RateLimited(1));

        await _app.CommandAsync("U0001", "<@U0002> +10 covering my queue during the outage");

        await _app.OutboxDrainedAsync();
        // Whichever post came first (celebration or DM) was throttled once, then made again a second later.
        var byTarget = _app.Slack.CallsTo("chat.postMessage").GroupBy(c => c.Arg("channel")).ToDictionary(g => g.Key!, g => g.ToList());
        Assert.Equal([1, 2], byTarget.Values.Select(v => v.Count).Order());
        var retried = byTarget.Values.Single(v => v.Count == 2);
        Assert.True(retried[1].At - retried[0].At >= TimeSpan.FromMilliseconds(950));
        Assert.Equal(retried[0].Body, retried[1].Body);
        Assert.Contains(Channel, byTarget.Keys);
    }

    [Fact]
    public async Task TheLocaleSlackReportsIsRememberedForThatMembersMessages()
    {
        _app.Slack.AddUser("U0006", locale: "it-IT");

        await _app.CommandAsync("U0006", "balance");

        var member = await _app.Host.Services.GetRequiredService<ILedger>().GetMemberAsync(Workspace, new MemberId("U0006"), CancellationToken.None);
        Assert.Equal("it-IT", member.Locale);
        Assert.Equal("true", _app.Slack.CallsTo("users.info").First(c => c.Arg("user") == "U0006").Arg("include_locale"));
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "no recipient", "thanks a lot for everything", "Who is it for?" },
        { "self", "<@U0001> +10 for being me", "can't recognise yourself" },
        { "bot", "<@UDEPLOYBOT> +10 for deploying", "Bots don't collect kudos" },
        { "too many", string.Join(' ', Enumerable.Range(1, 11).Select(i => $"<@U{i + 100:D4}>")) + " +1 thanks all of you", "at most 10 people" },
        { "zero points", "<@U0002> +0 for nothing much", "between 1 and 100" },
        { "too many points", "<@U0002> +500 for the moon", "between 1 and 100" },
        { "points not a number", "<@U0002> +lots for everything", "whole number" },
        { "over allowance", "<@U0002> <@U0003> +60 for the big launch", "points left to give" },
        { "too long", "<@U0002> +10 " + new string('a', 501), "too long" },
        { "message too short", "<@U0002> +10 ty", "at least 3 characters" },
        { "unknown person", "<@U7777> +10 thanks stranger", "can't find <@U7777>" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInputGetsAFriendlyExplanationAndChangesNothing(string _, string text, string explanation)
    {
        var reply = await _app.CommandAsync("U0001", text);

        Assert.Contains(explanation, Said(reply), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(100, (await _app.BalanceAsync("U0001")).Allowance.Left);
        Assert.Equal(0, (await _app.BalanceAsync("U0002")).Balance.Earned);
        Assert.Equal(0, await _app.PendingPostsAsync());
        Assert.Empty(_app.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task ARefusalShowsAnExampleOfTheRightForm()
    {
        var reply = await _app.CommandAsync("U0001", "<@U0002> +500 for the moon");

        Assert.Contains("/kudos @", Said(reply));
    }

    [Fact]
    public async Task AForgedCommandGets401AndGivesNothing()
    {
        var response = await _app.Host.CommandAsync("<@U0002> +100 forged", "U0001", Channel, Team, secret: "stolen-or-guessed-secret");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, (await _app.BalanceAsync("U0002")).Balance.Earned);
        Assert.Equal(0, await _app.PendingPostsAsync());
    }

    [Fact]
    public async Task AStaleCommandGets401AndGivesNothing()
    {
        var stale = DateTimeOffset.UtcNow.AddMinutes(-5).AddSeconds(-5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await _app.Host.CommandAsync("<@U0002> +10 replayed later", "U0001", Channel, Team, timestamp: stale);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, (await _app.BalanceAsync("U0002")).Balance.Earned);
    }

    [Fact]
    public async Task ACommandNotReadyInTimeIsAcknowledgedAndAnsweredThroughItsResponseUrl()
    {
        await using var slow = await SlackAppDriver.StartAsync(new Dictionary<string, string?> { ["Slack:AckDeadline"] = "00:00:00" });

        var ack = await slow.CommandAsync("U0001", "<@U0002|ann> +10 thanks for taking that angry escalation");

        Assert.Contains("moment", Said(ack));
        var late = await slow.Slack.WaitForCallAsync("response_url.U0001", _ => true);
        Assert.Contains("<@U0002>", Said(late.Json));
        Assert.True(late.Json.GetProperty("replace_original").GetBoolean());
        Assert.Equal(10, (await slow.BalanceAsync("U0002")).Balance.Available);
    }
}
