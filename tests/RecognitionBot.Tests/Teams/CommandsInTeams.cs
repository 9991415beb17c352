using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>Every other command typed in Teams: the answer is a valid card in the same conversation, or in a 1:1 chat when it is private.</summary>
public sealed class CommandsInTeams(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    private async Task<string> AnswerInPersonalChat(TestUser user, string text)
    {
        var reply = await _teams.SayAsync(user, Personal(user), text);
        AdaptiveCardContract.AssertValid(reply.Card());
        return reply.Card().AllText();
    }

    [Fact]
    public async Task BalanceShowsAllowancePointsAndRecentKudos()
    {
        await _teams.SayAsync(Cat, Channel(NewChannel(), "1"), "kudos @dan +6 for picking up the phone at 5pm");

        var text = await AnswerInPersonalChat(Dan, "balance");

        Assert.Contains("Available: 6 points", text);
        Assert.Contains("picking up the phone", text);
        Assert.Contains("Left to give", text);
    }

    [Fact]
    public async Task PrivateAnswersAskedInAChannelGoToThePersonalChat()
    {
        var channel = Channel(NewChannel(), "2");

        var reply = await _teams.SayAsync(Mia, channel, "balance");

        Assert.Contains("private chat", reply.Card().AllText());
        Assert.DoesNotContain("Left to give", reply.Card().AllText());
        var dm = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path.StartsWith("/amer/v3/conversations/a:dm-29:mia/activities"));
        AdaptiveCardContract.AssertValid(dm.Card());
        Assert.Contains("Left to give", dm.Card().AllText());
    }

    [Theory]
    [InlineData("leaderboard", "Top recognised")]
    [InlineData("leaderboard all", "all time")]
    [InlineData("help", "#empathy")]
    [InlineData("history", "movements")]
    [InlineData("rewards", "Rewards")]
    [InlineData("settings", "Private celebrations")]
    [InlineData("settings private on", "Saved")]
    // A personal chat gets no digest, so there is none to preview there.
    [InlineData("digest now", "Run this in the channel or team it is about")]
    [InlineData("", "Give kudos")]
    // Our examples start with the bot's name; copied into the 1:1 chat it arrives as typed words.
    [InlineData("@Kudos rewards", "Rewards")]
    [InlineData("@kudos help", "#empathy")]
    public async Task AnswersEveryCommandWithAValidCard(string command, string expected)
    {
        var text = await AnswerInPersonalChat(Bob, command);
        Assert.Contains(expected, text);
    }

    [Fact]
    public async Task TheLeaderboardMentionsThePeopleOnIt()
    {
        var channel = Channel(NewChannel(), "3");
        await _teams.SayAsync(Ann, channel, "kudos @cat +9 for the handover notes");

        var reply = await _teams.SayAsync(Ann, channel, "leaderboard week");

        AdaptiveCardContract.AssertValid(reply.Card());
        Assert.Contains(reply.Card().Mentions(), m => m.Id == Cat.AadId);
    }

    [Fact]
    public async Task DigestSubscriptionIsPerChannelAndNotInPersonalChats()
    {
        var channelId = NewChannel();
        // Only admins switch a channel's digest; the installer is one.
        using (await _teams.SendAsync(
            _teams.Message(Ann, Personal(Ann), "hello") with { Type = ActivityTypes.InstallationUpdate, Action = "add", Text = null })) { }

        var on = await _teams.SayAsync(Ann, Channel(channelId, "4"), "digest on friday 16:00 Europe/Rome");
        var personal = await _teams.SayAsync(Ann, Personal(Ann), "digest on");
        var off = await _teams.SayAsync(Ann, Channel(channelId, "5"), "digest off");

        Assert.Contains("Europe/Rome", on.Card().AllText());
        Assert.Contains("not in a direct message", personal.Card().AllText());
        Assert.Contains("no longer", off.Card().AllText());
    }

    [Fact]
    public async Task AnAtNameTypedAsWordsGetsATeamsHint()
    {
        // "@Roberto" typed without picking him from the list is plain text: no mention entity reaches the bot.
        var inChannel = await _teams.SayAsync(Ann, Channel(NewChannel(), "8"), "kudos @Roberto +10 thanks for the cover");
        var inPersonal = await _teams.SayAsync(Ann, Personal(Ann), "kudos @Roberto +10 thanks for the cover");
        var noAt = await _teams.SayAsync(Ann, Channel(NewChannel(), "9"), "kudos Roberto +10 thanks for the cover");

        AdaptiveCardContract.AssertValid(inChannel.Card());
        Assert.Contains("pick the person from the list", inChannel.Card().AllText());
        Assert.Contains("can't mention colleagues in our 1:1 chat", inPersonal.Card().AllText());
        Assert.DoesNotContain("Tip:", noAt.Card().AllText());
        Assert.Contains("Who is it for?", noAt.Card().AllText());
    }

    [Fact]
    public async Task AdminCommandsAreRefusedToOthers()
    {
        var text = await AnswerInPersonalChat(Dan, "admin allowance 1000");
        Assert.Contains("Only workspace admins", text);
    }

    [Fact]
    public async Task AnswersInTheReadersLanguage()
    {
        var reply = await _teams.SayAsync(Cat, Channel(NewChannel(), "6"), "balance", locale: "it-IT");
        Assert.Contains("chat privata", reply.Card().AllText());
    }
}

/// <summary>Installation and membership events: references stored, one short welcome, and no admin rights for the installer.</summary>
public sealed class InstallingInTeams(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    private Activity Event(string type, TestUser from, ConversationAccount conversation, string? action = null, IReadOnlyList<ChannelAccount>? added = null,
        IReadOnlyList<ChannelAccount>? removed = null) => _teams.Event(type, from, conversation, action, added, removed);

    [Fact]
    public async Task AddingTheAppToATeamWelcomesOnceAndMakesNobodyAnAdmin()
    {
        var general = new ConversationAccount { Id = NewChannel(), ConversationType = ConversationTypes.Channel, TenantId = TestActivities.Tenant };

        using (await _teams.SendAsync(Event(ActivityTypes.InstallationUpdate, Dan, general, action: "add"))) { }
        using (await _teams.SendAsync(Event(ActivityTypes.ConversationUpdate, Dan, general, added: [Bot]))) { }

        var welcome = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == $"/amer/v3/conversations/{general.Id}/activities");
        AdaptiveCardContract.AssertValid(welcome.Card());
        Assert.Contains("recognise", welcome.Card().AllText());
        await Task.Delay(200);
        Assert.Single(_teams.Connector.Calls, c => c.Path == $"/amer/v3/conversations/{general.Id}/activities");

        // Admins come from Teams:Admins and Teams:AdminGroupId only.
        var admin = await _teams.SayAsync(Dan, general, "admin values add #patience");
        Assert.Contains("Only workspace admins", admin.Card().AllText());
        Assert.DoesNotContain(
            "#patience", (await _teams.Host.Services.GetRequiredService<WorkspaceStore>().GetAsync(Workspace, CancellationToken.None)).Values);
    }

    [Fact]
    public async Task InstallEventsArrivingTogetherWelcomeOnce()
    {
        // Teams (and the Agents Playground) send installationUpdate and conversationUpdate at the same moment.
        var general = new ConversationAccount { Id = NewChannel(), ConversationType = ConversationTypes.Channel, TenantId = TestActivities.Tenant };
        var posts = $"/amer/v3/conversations/{general.Id}/activities";
        _teams.Connector.SlowDown(c => c.Method == "POST" && c.Path == posts, TimeSpan.FromMilliseconds(300));

        var both = await Task.WhenAll(
            _teams.SendAsync(Event(ActivityTypes.InstallationUpdate, Dan, general, action: "add")),
            _teams.SendAsync(Event(ActivityTypes.ConversationUpdate, Dan, general, added: [Bot])));
        foreach (var response in both) response.Dispose();

        await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == posts);
        await Task.Delay(400);
        Assert.Single(_teams.Connector.Calls, c => c.Path == posts);
    }

    [Fact]
    public async Task AWelcomeThatCouldNotBePostedIsTriedAgainOnTheNextInstallEvent()
    {
        var chat = GroupChat($"19:{Guid.NewGuid():N}@thread.v2");
        var posts = $"/amer/v3/conversations/{chat.Id}/activities";
        _teams.Connector.FailNext(c => c.Method == "POST" && c.Path == posts, 403);

        using (await _teams.SendAsync(Event(ActivityTypes.InstallationUpdate, Cat, chat, action: "add"))) { }
        Assert.Single(_teams.Connector.Calls, c => c.Path == posts);

        using (await _teams.SendAsync(Event(ActivityTypes.ConversationUpdate, Cat, chat, added: [Bot]))) { }
        Assert.Equal(2, _teams.Connector.Calls.Count(c => c.Path == posts));
        using (await _teams.SendAsync(Event(ActivityTypes.InstallationUpdate, Cat, chat, action: "add"))) { }
        Assert.Equal(2, _teams.Connector.Calls.Count(c => c.Path == posts));
    }

    [Fact]
    public async Task NewTeamMembersCanReceiveKudosAtOnce()
    {
        var newcomer = new TestUser($"29:new{Guid.NewGuid():N}", Guid.NewGuid().ToString(), "Nina Newcomer");
        var general = new ConversationAccount { Id = NewChannel(), ConversationType = ConversationTypes.Channel, TenantId = TestActivities.Tenant };
        using (await _teams.SendAsync(Event(ActivityTypes.ConversationUpdate, Ann, general, added: [newcomer.Account]))) { }

        await _teams.SayAsync(Ann, Personal(Ann), $"kudos @{newcomer.TeamsId[3..]} +5 welcome aboard, great first week", people: [newcomer]);

        // Known from the membership event, which does not say whether they are a guest: the roster was asked once, for that.
        Assert.Single(_teams.Connector.Calls, c => c.Path.EndsWith("/members/" + newcomer.TeamsId));
        Assert.Equal(5, (await _teams.Ledger.GetMemberAsync(Workspace, newcomer.Member, CancellationToken.None)).Balance.Earned);
    }
}
