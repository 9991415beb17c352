using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core;

public sealed class GivingKudos : IAsyncLifetime
{
    private readonly CoreHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task GivesEachRecipientThePointsFromTheGiversAllowance()
    {
        var result = await _h.Say("ann", "<@bob> <@cat> +15 thanks for taking that angry escalation #empathy #weekend");

        var given = Assert.IsType<KudosGiven>(result);
        Assert.Equal(15, given.Kudos.Points);
        Assert.Equal(["#empathy"], given.Kudos.Values);
        Assert.Contains("#weekend", given.Kudos.Message);
        Assert.Equal(70, given.Allowance.Left);
        Assert.Equal(15, (await _h.Member("bob")).Balance.Available);
        Assert.Equal(15, (await _h.Member("cat")).Balance.Earned);
        var balance = Assert.IsType<BalanceView>(await _h.Say("ann", "balance"));
        Assert.Equal(30, balance.Allowance.Used);
    }

    [Fact]
    public async Task UsesTheWorkspaceDefaultPointsWhenNoneAreGiven()
    {
        var given = Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> great save on the billing call"));
        Assert.Equal(10, given.Kudos.Points);
    }

    [Fact]
    public async Task RefusesWhenTheAllowanceDoesNotCoverEveryRecipientAndChangesNothing()
    {
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +50 first half of the month"));
        var before = await _h.Snapshot();

        var refused = Assert.IsType<Refused>(await _h.Say("ann", "<@cat> <@dan> +30 both of you rock"));

        Assert.Equal(Refusal.AllowanceExceeded, refused.Reason);
        Assert.Equal("50", refused.Detail);
        Assert.Equal(before, await _h.Snapshot());
    }

    [Fact]
    public async Task ManagersGetTheLargerAllowance()
    {
        await _h.Configure(s => s with { PairDailyCap = 100 });
        await _h.Ledger.UpdateMemberAsync(CoreHarness.Workspace, new MemberId("ann"), new RecognitionBot.Core.Ledger.MemberChange(IsManager: true), default);
        foreach (var name in new[] { "bob", "cat", "dan", "eve", "fay" })
            Assert.IsType<KudosGiven>(await _h.Say("ann", $"<@{name}> +100 surprise recognition, no reason needed"));

        var refused = Assert.IsType<Refused>(await _h.Say("ann", "<@gus> +1 one more"));

        Assert.Equal(Refusal.AllowanceExceeded, refused.Reason);
        Assert.Equal(500, Assert.IsType<BalanceView>(await _h.Say("ann", "balance")).Allowance.Limit);
        Assert.Equal(100, Assert.IsType<BalanceView>(await _h.Say("bob", "balance")).Allowance.Limit);
    }

    [Fact]
    public async Task ResetsTheAllowanceAtMidnightOnTheFirstInTheWorkspaceZone()
    {
        await _h.Configure(s => s with { TimeZone = "Europe/Rome", Allowance = 20 });
        _h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 22, 30, 0, TimeSpan.Zero)); // 23:30 in Rome, still November
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +20 closing the month strong"));
        Assert.Equal(Refusal.AllowanceExceeded, Assert.IsType<Refused>(await _h.Say("ann", "<@cat> +1 and you too")).Reason);

        _h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero)); // 00:00 on 1 December in Rome

        var given = Assert.IsType<KudosGiven>(await _h.Say("ann", "<@cat> +20 new month, new kudos"));
        Assert.Equal(0, given.Allowance.Left);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero), given.Allowance.ResetsAt);
    }

    [Fact]
    public async Task WeeklyAllowancesResetOnMonday()
    {
        await _h.Configure(s => s with { Allowance = 10, AllowancePeriod = AllowancePeriod.Weekly });
        _h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)); // Sunday
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +10 sunday shift hero"));
        Assert.IsType<Refused>(await _h.Say("ann", "<@bob> +10 again"));
        _h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 0, 0, 1, TimeSpan.Zero)); // Monday
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@cat> +10 monday rescue"));
    }

    [Fact]
    public async Task CapsWhatOneGiverGivesOneRecipientPerDay()
    {
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +40 morning queue"));
        var before = await _h.Snapshot();

        var refused = Assert.IsType<Refused>(await _h.Say("ann", "<@bob> +20 afternoon queue"));

        Assert.Equal(Refusal.PairCapReached, refused.Reason);
        Assert.Equal("bob|10", refused.Detail);
        Assert.Equal(before, await _h.Snapshot());
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +10 afternoon queue"));
        Assert.IsType<KudosGiven>(await _h.Say("cat", "<@bob> +50 other givers are not capped by ann"));

        _h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +20 next day"));
    }

    [Theory]
    [InlineData("<@ann> +10 me, myself and I", Refusal.SelfKudos)]
    [InlineData("<@bot> +10 thanks robot", Refusal.BotRecipient)]
    [InlineData("<@gone> +10 miss you", Refusal.LeaverRecipient)]
    [InlineData("<@guest> +10 thanks from across the org line", Refusal.OutsiderRecipient)]
    [InlineData("<@stranger> +10 who are you", Refusal.UnknownMember)]
    [InlineData("<@bob> <@bob> +10 double trouble", Refusal.DuplicateRecipient)]
    [InlineData("<@bob> +101 too generous", Refusal.PointsOutOfRange)]
    [InlineData("<@bob> +0 nothing at all", Refusal.PointsOutOfRange)]
    [InlineData("<@bob> ok", Refusal.MessageTooShort)]
    public async Task RefusesBreakingTheRulesOfGivingAndChangesNothing(string text, Refusal reason)
    {
        var before = await _h.Snapshot();

        var refused = Assert.IsType<Refused>(await _h.Say("ann", text));

        Assert.Equal(reason, refused.Reason);
        Assert.Equal(before, await _h.Snapshot());
    }

    [Theory]
    [InlineData("<@bob> +10 a guest giving kudos")]
    [InlineData("redeem coffee")]
    public async Task RefusesOutsidersGivingOrRedeemingAndChangesNothing(string text)
    {
        var before = await _h.Snapshot();

        var refused = Assert.IsType<Refused>(await _h.Say("guest", text));

        Assert.Equal(Refusal.Outsider, refused.Reason);
        Assert.Equal(before, await _h.Snapshot());
    }

    [Fact]
    public async Task RefusesMoreThanTenRecipients()
    {
        var eleven = string.Join(' ', "bob cat dan eve fay gus hal ivy jon kim lea".Split(' ').Select(n => $"<@{n}>"));
        var refused = Assert.IsType<Refused>(await _h.Say("ann", eleven + " +1 the whole shift"));
        Assert.Equal(Refusal.TooManyRecipients, refused.Reason);
        Assert.IsType<KudosGiven>(await _h.Say("ann", eleven.Replace(" <@lea>", "") + " +1 the whole shift"));
    }

    [Fact]
    public async Task RefusesAMessageLongerThanFiveHundredCharacters()
    {
        var refused = Assert.IsType<Refused>(await _h.Say("ann", "<@bob> " + new string('a', 501)));
        Assert.Equal(Refusal.MessageTooLong, refused.Reason);
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> " + new string('a', 500)));
    }

    [Fact]
    public async Task CelebratesInTheChannelAndMessagesEachRecipient()
    {
        var given = Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> <@cat> +5 great teamwork #teamwork"));

        var posts = await _h.PendingPosts();
        var celebration = Assert.Single(posts, p => p.Post is CelebrationPost);
        Assert.Equal(new ToConversation("C-general"), celebration.Target);
        Assert.Equal(given.Kudos.Id, ((CelebrationPost)celebration.Post).Kudos.Id);
        var dms = posts.Where(p => p.Post is KudosReceivedPost).Select(p => ((ToMember)p.Target).Member.Value).Order();
        Assert.Equal(["bob", "cat"], dms);
    }

    [Fact]
    public async Task APrivateKudosIsNotCelebratedButTheRecipientIsMessaged()
    {
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +5 thanks for the quiet help --private"));

        var post = Assert.Single(await _h.PendingPosts());
        Assert.IsType<KudosReceivedPost>(post.Post);
        var board = Assert.IsType<LeaderboardView>(await _h.Say("cat", "leaderboard all"));
        Assert.Empty(board.Entries);
    }

    [Fact]
    public async Task ARecipientWhoChosePrivacyIsLeftOutOfTheCelebration()
    {
        Assert.IsType<SettingsView>(await _h.Say("bob", "settings private on"));

        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> <@cat> +5 both of you"));

        var celebration = (CelebrationPost)Assert.Single(await _h.PendingPosts(), p => p.Post is CelebrationPost).Post;
        Assert.Equal([new MemberId("cat")], celebration.Kudos.PublicRecipients);
    }

    [Fact]
    public async Task MembersWhoTurnedDirectMessagesOffGetNoneForPublicKudos()
    {
        Assert.IsType<SettingsView>(await _h.Say("bob", "settings dm off"));

        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +5 public thanks"));

        Assert.DoesNotContain(await _h.PendingPosts(), p => p.Post is KudosReceivedPost);
    }

    [Fact]
    public async Task KudosGivenInADirectMessageAreCelebratedInTheCelebrationChannelIfOneIsSet()
    {
        var dm = new ConversationRef("D-ann", ConversationKind.Direct);
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +5 thanks from a DM", dm));
        Assert.DoesNotContain(await _h.PendingPosts(), p => p.Post is CelebrationPost);

        await _h.Configure(s => s with { CelebrationChannel = "C-kudos" });
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@cat> +5 thanks from a DM", dm));

        var celebration = Assert.Single(await _h.PendingPosts(), p => p.Post is CelebrationPost);
        Assert.Equal(new ToConversation("C-kudos"), celebration.Target);
    }

    [Fact]
    public async Task MarksTheFirstKudosEverAndEveryHundredPoints()
    {
        var first = Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +50 welcome to the team"));
        Assert.Contains(first.Recipients[0].Milestones, m => m.Kind == MilestoneKind.FirstKudos);

        var second = Assert.IsType<KudosGiven>(await _h.Say("cat", "<@bob> +30 still going"));
        Assert.Empty(second.Recipients[0].Milestones);

        var third = Assert.IsType<KudosGiven>(await _h.Say("dan", "<@bob> +20 over the top"));
        var milestone = Assert.Single(third.Recipients[0].Milestones);
        Assert.Equal((MilestoneKind.HundredPoints, 100), (milestone.Kind, milestone.Points));
    }

    [Fact]
    public async Task ARepeatedDeliveryReturnsTheFirstAnswerAndGivesOnce()
    {
        var first = Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +10 once only", delivery: "slack:trigger-1"));
        var again = Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +10 once only", delivery: "slack:trigger-1"));

        Assert.Equal(first.Kudos.Id, again.Kudos.Id);
        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(10, (await _h.Member("bob")).Balance.Earned);
    }

    [Fact]
    public async Task KeepsWorkspacesApart()
    {
        var other = new WorkspaceId(Platform.Slack, "T0002");
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +10 in our workspace"));

        var balance = await _h.Ledger.GetBalanceAsync(other, new MemberId("bob"), new WorkspaceSettings(), default);

        Assert.Equal(0, balance.Balance.Earned);
    }

    [Fact]
    public async Task RemembersTheGiversLanguageWithTheKudos()
    {
        var context = CoreHarness.As("ann") with { Locale = "it-IT" };

        Assert.IsType<KudosGiven>(await _h.Recognition.HandleTextAsync(context, "<@bob> +5 grazie mille", default));

        Assert.Equal("it-IT", (await _h.Member("ann")).Locale);
    }
}
