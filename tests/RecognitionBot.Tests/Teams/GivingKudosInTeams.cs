using System.Text.Json;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>A kudos typed in Teams, end to end: JWT, mentions resolved through the roster, the ledger on Azurite, the outbox, the connector.</summary>
public sealed class GivingKudosInTeams(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    [Fact]
    public async Task InAChannelOnlyTheCelebrationIsPublicAndTheGiverIsConfirmedPrivately()
    {
        var channel = NewChannel();
        var thread = Channel(channel, "1000");
        await _teams.SayAsync(Cat, Personal(Cat), "settings private on");
        var before = await _teams.BalanceOf(Bob);
        var activity = _teams.Message(Ann, thread, "kudos @bob @cat +10 thanks for taking that angry escalation #empathy");

        using (await _teams.SendAsync(activity)) { }

        Assert.Equal(before.Earned + 10, (await _teams.BalanceOf(Bob)).Earned);
        // The celebration: giver and public recipients mentioned for real; Cat, who chose privacy, not named at all.
        var celebration = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == $"/amer/v3/conversations/{channel}/activities");
        var card = celebration.Card();
        AdaptiveCardContract.AssertValid(card);
        Assert.Contains("thanks for taking that angry escalation", card.AllText());
        Assert.Contains("#empathy", card.AllText());
        Assert.Contains((Ann.AadId, "<at>Ann Agent</at>"), card.Mentions());
        Assert.Contains((Bob.AadId, "<at>Bob Builder</at>"), card.Mentions());
        Assert.DoesNotContain("Cat Caller", card.GetRawText());

        // The confirmation with the allowance left went to Ann's 1:1 chat, naming Cat without notifying her.
        var confirmation = _teams.Connector.Calls.Single(
            c => c.Method == "POST" && IsPersonalChatOf(Ann, c.Path) && c.Body.Contains("left to give") && c.Body.Contains("angry escalation"));
        AdaptiveCardContract.AssertValid(confirmation.Card());
        Assert.Contains("Cat Caller", confirmation.Card().AllText());
        Assert.Contains(confirmation.Card().Mentions(), m => m.Id == Bob.AadId);
        Assert.DoesNotContain(confirmation.Card().Mentions(), m => m.Id == Cat.AadId);

        var dm = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && IsPersonalChatOf(Bob, c.Path)
            && c.Body.Contains("angry escalation") && c.Body.Contains("You got kudos"));
        AdaptiveCardContract.AssertValid(dm.Card());
        Assert.Contains("10", dm.Card().AllText());
        Assert.True(dm.Json.GetProperty("channelData").GetProperty("notification").GetProperty("alert").GetBoolean());

        // Nothing else was posted in the channel: no reply to the message, one post in all (reading its roster is no post).
        await Task.Delay(500);
        var posts = _teams.Connector.Calls.Where(c => c.Method != "GET" && c.Path.Contains(channel)).ToList();
        Assert.Equal([celebration], posts);
    }

    [Fact]
    public async Task WhenTheGiversPrivateChatCannotBeReachedTheChannelGetsANeutralLine()
    {
        var channel = NewChannel();
        var thread = Channel(channel, "1100");
        var activity = _teams.Message(Dan, thread, "kudos @mia +3 for the quick answer");
        _teams.Connector.FailNext(c => c.Method == "POST" && IsPersonalChatOf(Dan, c.Path), 403,
            body: "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot is not part of the conversation roster.\"}}");

        using (await _teams.SendAsync(activity)) { }

        var reply = _teams.Connector.Calls.Single(c => c.Method == "POST" && c.Path.EndsWith("/activities/" + activity.Id));
        AdaptiveCardContract.AssertValid(reply.Card());
        Assert.Contains("Kudos sent", reply.Card().AllText());
        Assert.DoesNotContain("left to give", reply.Card().AllText());
        Assert.DoesNotContain("Mia", reply.Card().GetRawText());
        Assert.Empty(reply.Card().Mentions());
    }

    [Fact]
    public async Task AOneToOneChatThatIsGoneIsOpenedAgainForTheDm()
    {
        var eve = new TestUser($"29:eve{Guid.NewGuid():N}", Guid.NewGuid().ToString(), "Eve Evening");
        _teams.Connector.AddMember(new TeamsChannelAccount { Id = eve.TeamsId, Name = eve.Name, ObjectId = eve.AadId });
        await _teams.SayAsync(eve, Personal(eve), "balance");
        var stale = $"/amer/v3/conversations/{Personal(eve).Id}/activities";
        _teams.Connector.FailNext(c => c.Method == "POST" && c.Path == stale, 404,
            body: "{\"error\":{\"code\":\"ConversationNotFound\",\"message\":\"Conversation not found\"}}");

        await _teams.SayAsync(Ann, Channel(NewChannel(), "3000"), $"kudos @{eve.TeamsId[3..]} +4 for the spotless night shift notes", people: [eve]);

        var dm = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == $"/amer/v3/conversations/a:dm-{eve.TeamsId}/activities");
        Assert.Contains("spotless night shift", dm.Card().AllText());
        Assert.Contains(_teams.Connector.Calls, c => c.Method == "POST" && c.Path == stale);
    }

    [Fact]
    public async Task AcceptsSlashKudosAndPlainKudosInAGroupChat()
    {
        var chat = GroupChat($"19:{Guid.NewGuid():N}@thread.v2");
        var before = await _teams.BalanceOf(Cat);

        await _teams.SayAsync(Dan, chat, "/kudos @cat +3 covered my queue at lunch");
        await _teams.SayAsync(Dan, chat, "kudos @cat +2 and again in the afternoon");

        Assert.Equal(before.Earned + 5, (await _teams.BalanceOf(Cat)).Earned);
        await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == $"/amer/v3/conversations/{chat.Id}/activities");
    }

    [Fact]
    public async Task TheSameActivityTwiceGivesOnceAndAnswersOnce()
    {
        var channel = Channel(NewChannel(), "2000");
        var activity = _teams.Message(Cat, channel, "kudos @dan +7 for the calm voice on that call");
        var before = await _teams.BalanceOf(Dan);

        using (await _teams.SendAsync(activity)) { }
        using (await _teams.SendAsync(activity)) { }

        Assert.Equal(before.Earned + 7, (await _teams.BalanceOf(Dan)).Earned);
        Assert.Single(_teams.Connector.Calls, c => c.Method == "POST" && IsPersonalChatOf(Cat, c.Path) && c.Body.Contains("calm voice"));
    }

    [Theory]
    [InlineData("kudos @bob +1000 that was amazing", "between 1 and")]
    [InlineData("kudos @bob +5 ok", "at least")]
    [InlineData("kudos +5 thanks for the help", "Who is it for?")]
    [InlineData("kudos @ann +5 I am great", "yourself")]
    [InlineData("kudos @stranger +5 thanks for the help", "can't find")]
    [InlineData("leaderboard yesterday", "a week, a month or all time")]
    public async Task BadInputGetsAFriendlyExplanationAndChangesNothing(string text, string expected)
    {
        var channel = NewChannel();
        var before = await _teams.BalanceOf(Bob);
        var ledgerBefore = await _teams.BalanceOf(Ann);

        var reply = await _teams.SayAsync(Ann, Channel(channel, "3000"), text);

        var card = reply.Card();
        AdaptiveCardContract.AssertValid(card);
        Assert.Contains(expected, card.AllText());
        Assert.Equal(before, await _teams.BalanceOf(Bob));
        Assert.Equal(ledgerBefore, await _teams.BalanceOf(Ann));
        await Task.Delay(300);
        Assert.DoesNotContain(_teams.Connector.Calls, c => c.Path == $"/amer/v3/conversations/{channel}/activities");
    }

    [Fact]
    public async Task ResolvesMentionsThroughTheConversationRosterNotByName()
    {
        var eve = new TestUser($"29:eve{Guid.NewGuid():N}", Guid.NewGuid().ToString(), "Eve Evening");
        host.Connector.AddMember(new TeamsChannelAccount { Id = eve.TeamsId, Name = eve.Name, ObjectId = eve.AadId });
        var channel = NewChannel();

        await _teams.SayAsync(Ann, Channel(channel, "4000"), $"kudos @{eve.TeamsId[3..]} +4 for the night shift handover", people: [eve]);
        await _teams.SayAsync(Bob, Channel(channel, "4001"), $"kudos @{eve.TeamsId[3..]} +4 for the night shift handover", people: [eve]);

        // The 29: id was looked up once; the recipient is the AAD object id the roster gave.
        Assert.Single(_teams.Connector.Calls, c => c.Method == "GET" && c.Path.EndsWith("/members/" + eve.TeamsId));
        Assert.Equal(8, (await _teams.Ledger.GetMemberAsync(Workspace, eve.Member, CancellationToken.None)).Balance.Earned);
    }

    [Fact]
    public async Task WordsFromUsersCannotInjectMentionsOrMarkup()
    {
        var channel = NewChannel();
        await _teams.SayAsync(Bob, Channel(channel, "5000"), "kudos @cat +1 **loud** [link](https://evil.example) <at>Everyone</at> <!channel> thanks");

        var celebration = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == $"/amer/v3/conversations/{channel}/activities");
        var card = celebration.Card();
        AdaptiveCardContract.AssertValid(card);
        Assert.Equal([Bob.AadId, Cat.AadId], card.Mentions().Select(m => m.Id).Order());
        var json = card.GetRawText();
        Assert.DoesNotContain("<at>Everyone</at>", json);
        // The message is a text run, which Adaptive Cards never read as markdown.
        var run = FindTextRuns(card).Single(t => t.Contains("loud"));
        Assert.Contains("**loud**", run);
    }

    [Fact]
    public async Task ThrottlingByTeamsDelaysTheCelebrationButNeverDropsIt()
    {
        var channel = NewChannel();
        host.Connector.FailNext(c => c.Method == "POST" && c.Path == $"/amer/v3/conversations/{channel}/activities", 429, retryAfter: "1");

        await _teams.SayAsync(Dan, Channel(channel, "6000"), "kudos @ann +2 for sharing the macro");

        await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == $"/amer/v3/conversations/{channel}/activities"
            && _teams.Connector.Calls.Count(x => x.Path == c.Path) == 2);
        var attempts = _teams.Connector.Calls.Where(c => c.Path == $"/amer/v3/conversations/{channel}/activities").ToList();
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(950));
    }

    private static IEnumerable<string> FindTextRuns(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("type", out var t) && t.GetString() == "TextRun") yield return e.GetProperty("text").GetString()!;
            foreach (var p in e.EnumerateObject()) foreach (var s in FindTextRuns(p.Value)) yield return s;
        }
        else if (e.ValueKind == JsonValueKind.Array)
            foreach (var i in e.EnumerateArray()) foreach (var s in FindTextRuns(i)) yield return s;
    }
}
