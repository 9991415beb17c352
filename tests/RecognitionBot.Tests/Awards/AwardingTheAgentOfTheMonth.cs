using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Awards;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Awards;

/// <summary>
/// At the start of a month the approvers get the last month's nominees on a card, once however many instances run;
/// the first approver's choice wins, with an optional reward at no cost to the winner; in January, the agent of the year.
/// </summary>
public sealed class AwardingTheAgentOfTheMonth : IAsyncLifetime
{
    private static readonly DateTimeOffset MidNovember = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstOfDecember = new(2026, 12, 1, 0, 5, 0, TimeSpan.Zero);
    private static readonly MemberId Max = new("max"), Kim = new("kim"), Bob = new("bob"), Dan = new("dan");
    private readonly CoreHarness _h = new(MidNovember);

    public async Task InitializeAsync()
    {
        await _h.Configure(s => s with { Approvers = [Max, Kim], CelebrationChannel = "C-celebrate", PairDailyCap = 100 });
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Gift card\" 200 --stock 2"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin manager <@bob> <@max>"));
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +20 calm with the outage callers #empathy"));
        Assert.IsType<KudosGiven>(await _h.Say("cat", "<@bob> +10 thanks for the cover #teamwork #empathy"));
        Assert.IsType<NominationMade>(await _h.Say("ann", "nominate <@bob> calm with every angry caller"));
        Assert.IsType<NominationMade>(await _h.Say("cat", "nominate <@bob> covered my shift twice"));
        Assert.IsType<NominationMade>(await _h.Say("eve", "nominate <@dan> fixed the IVR menu"));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private AwardPublisher Publisher => _h.Services.GetRequiredService<AwardPublisher>();

    private IAwardLedger Awards => _h.Services.GetRequiredService<IAwardLedger>();

    private async Task<List<AwardCardPost>> CardsAsync() => [.. (await _h.PendingPosts()).Select(p => p.Post).OfType<AwardCardPost>()];

    private async Task<Award> OpenNovemberAsync()
    {
        _h.Clock.SetUtcNow(FirstOfDecember);
        Assert.Equal(1, await Publisher.PublishDueAsync(CancellationToken.None));
        return (await Awards.GetAwardAsync(CoreHarness.Workspace, "2026-11", CancellationToken.None))!;
    }

    private Task<CommandResult> Choose(string approver, MemberId winner, string? reward = null, string period = "2026-11", string? delivery = null) =>
        _h.Do(approver, new ChooseAwardCommand(period, winner, reward), delivery);

    [Fact]
    public async Task NothingIsDueWhileTheMonthLasts()
    {
        Assert.Equal(0, await Publisher.PublishDueAsync(CancellationToken.None));

        Assert.Empty(await CardsAsync());
        Assert.Null(await Awards.GetAwardAsync(CoreHarness.Workspace, "2026-11", CancellationToken.None));
    }

    [Fact]
    public async Task TheMonthsCardGoesToEachApproverOnceEvenWithTwoInstances()
    {
        _h.Clock.SetUtcNow(FirstOfDecember);
        var second = _h.SecondServices().GetRequiredService<AwardPublisher>();

        var opened = await Task.WhenAll(
            Publisher.PublishDueAsync(CancellationToken.None), second.PublishDueAsync(CancellationToken.None),
            Publisher.PublishDueAsync(CancellationToken.None), second.PublishDueAsync(CancellationToken.None));

        Assert.Equal(1, opened.Sum());
        var cards = await CardsAsync();
        Assert.Equal(2, cards.Count);
        Assert.Equal([Kim, Max], (await _h.PendingPosts()).Where(p => p.Post is AwardCardPost).Select(p => ((ToMember)p.Target).Member).OrderBy(m => m.Value));
        // Later rounds, on either instance, add nothing.
        _h.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await Publisher.PublishDueAsync(CancellationToken.None) + await second.PublishDueAsync(CancellationToken.None));
        Assert.Equal(2, (await CardsAsync()).Count);
    }

    [Fact]
    public async Task TheCardListsNomineesWithReasonsKudosValuesAndTeam()
    {
        var award = await OpenNovemberAsync();

        Assert.Equal(AwardKind.Month, award.Kind);
        Assert.Equal([Bob, Dan], award.Candidates.Select(c => c.Member));
        var bob = award.Candidates[0];
        Assert.Equal((2, 2, 30, (MemberId?)Max), (bob.Nominations, bob.Kudos, bob.Points, bob.Manager));
        Assert.Equal(["#empathy", "#teamwork"], bob.Values);
        Assert.Equal(["calm with every angry caller", "covered my shift twice"], bob.Reasons.Select(r => r.Text));
        Assert.Equal(["ann", "cat"], bob.Reasons.Select(r => r.Nominator.Value));
        Assert.Equal((1, 0), (award.Candidates[1].Nominations, award.Candidates[1].Kudos));
        Assert.Equal([new AwardOption("gift-card", "Gift card")], award.Rewards);
        var card = (await CardsAsync())[0];
        Assert.Equal((award.Period, award.Candidates.Count, 2), (card.Award.Period, card.Award.Candidates.Count, card.Award.Candidates[0].Reasons.Count));
    }

    [Fact]
    public async Task AMonthWithoutNominationsPostsNoCard()
    {
        _h.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 0, 5, 0, TimeSpan.Zero));

        await Publisher.PublishDueAsync(CancellationToken.None);

        Assert.Empty(await CardsAsync());
        // Nothing to choose from: nothing written at all.
        Assert.Null(await Awards.GetAwardAsync(CoreHarness.Workspace, "2026-12", CancellationToken.None));
        Assert.Equal(0, await Publisher.PublishDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheMonthStartsInTheWorkspacesZone()
    {
        await _h.Configure(s => s with { TimeZone = "America/New_York" });
        // 00:05 UTC on the 1st is still November in New York.
        _h.Clock.SetUtcNow(FirstOfDecember);
        Assert.Equal(0, await Publisher.PublishDueAsync(CancellationToken.None));
        Assert.Empty(await CardsAsync());

        _h.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 5, 5, 0, TimeSpan.Zero));
        Assert.Equal(1, await Publisher.PublishDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnApproversChoiceCelebratesTheWinnerAndGrantsTheRewardAtNoCost()
    {
        await OpenNovemberAsync();
        var bobBefore = await _h.Member("bob");

        var chosen = Assert.IsType<AwardView>(await Choose("max", Bob, "gift-card"));

        Assert.True(chosen.Changed);
        Assert.Equal((Bob, Max, "Gift card"), (chosen.Award.Winner, chosen.Award.DecidedBy, chosen.Award.RewardName));
        var grant = (await _h.Ledger.GetRedemptionAsync(CoreHarness.Workspace, chosen.Award.RedemptionId!, CancellationToken.None))!;
        Assert.Equal((Bob, "gift-card", 0, RedemptionState.Completed, (MemberId?)Max),
            (grant.Requester, grant.RewardId, grant.Cost, grant.State, grant.DecidedBy));
        var bobAfter = await _h.Member("bob");
        Assert.Equal(bobBefore.Balance, bobAfter.Balance);
        var gift = Assert.Single((await _h.Ledger.GetRewardsAsync(CoreHarness.Workspace, CancellationToken.None)), r => r.Id == "gift-card");
        Assert.Equal(1, gift.Stock);

        var posts = await _h.PendingPosts();
        Assert.Contains(posts, p => p.Post is AwardCelebrationPost c && c.Award.Winner == Bob && p.Target == new ToConversation("C-celebrate"));
        Assert.Contains(posts, p => p.Post is AwardWonPost && p.Target == new ToMember(Bob));
        var audit = Assert.Single(await _h.AuditLog(), e => e.Action == RecognitionBot.Core.Audit.AuditAction.AwardChosen);
        Assert.Equal((Max, "bob", "2026-11"), (audit.Actor, audit.Subject, audit.After));
    }

    [Fact]
    public async Task EveryCopyOfTheCardIsRedrawnWithTheDecision()
    {
        await OpenNovemberAsync();
        var awards = Awards;
        await awards.RecordAwardMessageAsync(CoreHarness.Workspace, "2026-11", new PostedMessage("D-max", "1.1"), "en", CancellationToken.None);
        await awards.RecordAwardMessageAsync(CoreHarness.Workspace, "2026-11", new PostedMessage("D-kim", "2.2"), "it", CancellationToken.None);

        Assert.IsType<AwardView>(await Choose("kim", Dan));

        var redraws = (await _h.PendingPosts()).Where(p => p.Target is ToExistingMessage && p.Post is AwardCardPost).ToList();
        Assert.Equal(["D-kim", "D-max"], redraws.Select(p => ((ToExistingMessage)p.Target).Message.ConversationId).Order());
        Assert.All(redraws, p => Assert.Equal(Dan, ((AwardCardPost)p.Post).Award.Winner));
        Assert.Equal("it", redraws.Single(p => ((ToExistingMessage)p.Target).Message.ConversationId == "D-kim").Post.Locale);
    }

    [Fact]
    public async Task ANonApproverIsRefusedAndNothingChanges()
    {
        await OpenNovemberAsync();
        var before = await _h.Snapshot();

        var refused = Assert.IsType<Refused>(await Choose("ann", Bob, "gift-card"));

        Assert.Equal(Refusal.NotAwardApprover, refused.Reason);
        Assert.Equal(before, await _h.Snapshot());
    }

    [Fact]
    public async Task AnApproverCannotChooseThemselvesNorSomeoneNotOnTheCard()
    {
        await _h.Configure(s => s with { Approvers = [Max, Kim, Dan] });
        await OpenNovemberAsync();
        var before = await _h.Snapshot();

        Assert.Equal(Refusal.SelfAward, Assert.IsType<Refused>(await Choose("dan", Dan)).Reason);
        Assert.Equal(Refusal.NotNominee, Assert.IsType<Refused>(await Choose("max", new MemberId("eve"))).Reason);
        Assert.Equal(Refusal.UnknownAward, Assert.IsType<Refused>(await Choose("max", Bob, period: "2026-10")).Reason);
        Assert.Equal(Refusal.UnknownReward, Assert.IsType<Refused>(await Choose("max", Bob, "yacht")).Reason);
        Assert.Equal(before, await _h.Snapshot());
    }

    [Fact]
    public async Task TwoApproversAtOnceMakeOneDecisionAndTheSecondSeesIt()
    {
        await OpenNovemberAsync();

        var results = await Task.WhenAll(
            Choose("max", Bob, "gift-card"), _h.SecondInstance().HandleAsync(CoreHarness.As("kim"), new ChooseAwardCommand("2026-11", Dan, null), default));

        var views = results.Select(r => Assert.IsType<AwardView>(r)).ToList();
        Assert.Single(views, v => v.Changed);
        Assert.All(views, v => Assert.Equal(views.Single(x => x.Changed).Award.Winner, v.Award.Winner));
        Assert.Single(await _h.PendingPosts(), p => p.Post is AwardCelebrationPost);
        var stock = Assert.Single(await _h.Ledger.GetRewardsAsync(CoreHarness.Workspace, CancellationToken.None)).Stock;
        Assert.Equal(views.Single(v => v.Changed).Award.RewardName is null ? 2 : 1, stock);

        var late = Assert.IsType<AwardView>(await Choose("kim", Dan));
        Assert.False(late.Changed);
    }

    [Fact]
    public async Task ADoubleClickIsOneDecision()
    {
        await OpenNovemberAsync();

        var first = Assert.IsType<AwardView>(await Choose("max", Bob, "gift-card", delivery: "slack:award:2026-11:max"));
        var again = Assert.IsType<AwardView>(await Choose("max", Bob, "gift-card", delivery: "slack:award:2026-11:max"));

        Assert.True(first.Changed);
        Assert.True(again.Replayed);
        Assert.Single(await _h.PendingPosts(), p => p.Post is AwardCelebrationPost);
        Assert.Equal(1, Assert.Single(await _h.Ledger.GetRewardsAsync(CoreHarness.Workspace, CancellationToken.None)).Stock);
    }

    [Fact]
    public async Task ARewardOutOfStockIsRefused()
    {
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Parking spot\" 10 --stock 1"));
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@fay> +10 for the whole quarter"));
        Assert.IsType<RedemptionView>(await _h.Say("fay", "redeem parking"));
        await OpenNovemberAsync();
        var before = await _h.Snapshot();

        var refused = Assert.IsType<Refused>(await Choose("max", Bob, "parking-spot"));

        Assert.Equal(Refusal.OutOfStock, refused.Reason);
        Assert.Equal(before, await _h.Snapshot());
    }

    [Fact]
    public async Task InJanuaryTheApproversChooseTheAgentOfTheYearFromTheMonthlyWinners()
    {
        await OpenNovemberAsync();
        Assert.True(Assert.IsType<AwardView>(await Choose("max", Bob)).Changed);
        Assert.IsType<NominationMade>(await _h.Say("ann", "nominate <@dan> rebuilt the knowledge base"));
        Assert.IsType<NominationMade>(await _h.Say("cat", "nominate <@bob> still the calmest"));

        // January 1st: December's card; the year waits for December's winner.
        _h.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 0, 5, 0, TimeSpan.Zero));
        var second = _h.SecondServices().GetRequiredService<AwardPublisher>();
        Assert.Equal(1, (await Task.WhenAll(Publisher.PublishDueAsync(default), second.PublishDueAsync(default))).Sum());
        Assert.Null(await Awards.GetAwardAsync(CoreHarness.Workspace, "2026", CancellationToken.None));
        Assert.True(Assert.IsType<AwardView>(await Choose("kim", Dan, period: "2026-12")).Changed);

        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await Task.WhenAll(Publisher.PublishDueAsync(default), second.PublishDueAsync(default))).Sum());

        var year = (await Awards.GetAwardAsync(CoreHarness.Workspace, "2026", CancellationToken.None))!;
        Assert.Equal(AwardKind.Year, year.Kind);
        Assert.Equal([Bob, Dan], year.Candidates.Select(c => c.Member).OrderBy(m => m.Value));
        Assert.Equal(["2026-11"], year.Candidates.Single(c => c.Member == Bob).MonthsWon);
        Assert.Equal(2, (await CardsAsync()).Count(c => c.Award.Kind == AwardKind.Year));

        var chosen = Assert.IsType<AwardView>(await Choose("max", Dan, "gift-card", period: "2026"));
        Assert.True(chosen.Changed);
        Assert.Contains(await _h.PendingPosts(), p => p.Post is AwardCelebrationPost c && c.Award.Kind == AwardKind.Year && c.Award.Winner == Dan);
        Assert.Equal(0, await Publisher.PublishDueAsync(default));
    }
}
