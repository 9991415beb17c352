using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core;

public sealed class RedeemingRewards : IAsyncLifetime
{
    private readonly CoreHarness _h = new();

    public async Task InitializeAsync()
    {
        await _h.Configure(s => s with { Approvers = [new MemberId("max")], PairDailyCap = 100 });
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Coffee voucher\" 30 --stock 2"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Sticker pack\" 5 --no-approval"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Team lunch\" 500"));
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +100 for the whole week of cover"));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task HoldsThePointsUntilTheApproverDecides()
    {
        var view = Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem coffee"));

        Assert.Equal((RedemptionChange.Requested, RedemptionState.Pending), (view.Change, view.Redemption.State));
        Assert.Equal([new MemberId("max")], view.Redemption.Approvers);
        var bob = await _h.Member("bob");
        Assert.Equal((70, 30, 0), (bob.Balance.Available, bob.Balance.Held, bob.Balance.Spent));
        var card = Assert.Single(await _h.PendingPosts(), p => p.Post is ApprovalRequestPost);
        Assert.Equal(new ToMember(new MemberId("max")), card.Target);
    }

    [Fact]
    public async Task ApprovalSpendsTheHeldPointsAndTakesOneFromStock()
    {
        var id = Requested(await _h.Say("bob", "redeem coffee-voucher"));

        var view = Assert.IsType<RedemptionView>(await _h.Do("max", new DecideRedemptionCommand(id, true, null)));

        Assert.Equal(RedemptionChange.Approved, view.Change);
        Assert.Equal(new MemberId("max"), view.Redemption.DecidedBy);
        var bob = await _h.Member("bob");
        Assert.Equal((70, 0, 30), (bob.Balance.Available, bob.Balance.Held, bob.Balance.Spent));
        var coffee = Assert.Single(Assert.IsType<RewardsView>(await _h.Say("bob", "rewards")).Rewards, r => r.Id == "coffee-voucher");
        Assert.Equal((1, 0), (coffee.Stock, coffee.Reserved));
        Assert.Contains(await _h.PendingPosts(), p => p.Post is RedemptionNoticePost n && n.Redemption.State == RedemptionState.Approved);
    }

    [Fact]
    public async Task RejectionReleasesTheHoldAndCarriesTheReason()
    {
        var id = Requested(await _h.Say("bob", "redeem coffee"));

        var view = Assert.IsType<RedemptionView>(await _h.Do("max", new DecideRedemptionCommand(id, false, "Budget is frozen until January")));

        Assert.Equal("Budget is frozen until January", view.Redemption.Reason);
        var bob = await _h.Member("bob");
        Assert.Equal((100, 0, 0), (bob.Balance.Available, bob.Balance.Held, bob.Balance.Spent));
        var coffee = Assert.Single(Assert.IsType<RewardsView>(await _h.Say("bob", "rewards")).Rewards, r => r.Id == "coffee-voucher");
        Assert.Equal((2, 0), (coffee.Stock, coffee.Reserved));
    }

    [Fact]
    public async Task TheRequesterMayCancelWhilePendingButNobodyElse()
    {
        var id = Requested(await _h.Say("bob", "redeem coffee"));

        Assert.Equal(Refusal.NotRequester, Assert.IsType<Refused>(await _h.Say("cat", $"cancel {id}")).Reason);
        var view = Assert.IsType<RedemptionView>(await _h.Say("bob", $"cancel {id}"));

        Assert.Equal(RedemptionChange.Cancelled, view.Change);
        Assert.Equal(100, (await _h.Member("bob")).Balance.Available);
        Assert.Equal(RedemptionChange.Unchanged, Assert.IsType<RedemptionView>(await _h.Do("max", new DecideRedemptionCommand(id, true, null))).Change);
    }

    [Fact]
    public async Task OnlyTheResolvedApproverOrAWorkspaceApproverMayDecide()
    {
        await _h.Say("boss", "admin manager <@bob> <@dan>");
        var id = Requested(await _h.Say("bob", "redeem coffee"));
        var before = await _h.Snapshot();

        Assert.Equal(Refusal.NotApprover, Assert.IsType<Refused>(await _h.Do("cat", new DecideRedemptionCommand(id, true, null))).Reason);
        Assert.Equal(Refusal.SelfApproval, Assert.IsType<Refused>(await _h.Do("bob", new DecideRedemptionCommand(id, true, null))).Reason);
        Assert.Equal(before, await _h.Snapshot());

        Assert.Equal(RedemptionChange.Approved, Assert.IsType<RedemptionView>(await _h.Do("dan", new DecideRedemptionCommand(id, true, null))).Change);
    }

    [Fact]
    public async Task AWorkspaceApproverMayDecideForAMappedManager()
    {
        await _h.Say("boss", "admin manager <@bob> <@dan>");
        var id = Requested(await _h.Say("bob", "redeem coffee"));

        Assert.Equal(RedemptionChange.Rejected, Assert.IsType<RedemptionView>(await _h.Do("max", new DecideRedemptionCommand(id, false, null))).Change);
    }

    [Fact]
    public async Task ADecidedRequestCannotBeDecidedAgain()
    {
        var id = Requested(await _h.Say("bob", "redeem coffee"));
        await _h.Do("max", new DecideRedemptionCommand(id, true, null));
        var before = await _h.Snapshot();

        var stale = Assert.IsType<RedemptionView>(await _h.Do("max", new DecideRedemptionCommand(id, false, "changed my mind")));

        Assert.Equal((RedemptionChange.Unchanged, RedemptionState.Approved), (stale.Change, stale.Redemption.State));
        Assert.Equal(before, await _h.Snapshot());
    }

    [Fact]
    public async Task WithoutApprovalARedemptionCompletesAtOnce()
    {
        var view = Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem sticker pack"));

        Assert.Equal((RedemptionChange.Completed, RedemptionState.Completed), (view.Change, view.Redemption.State));
        Assert.Equal((95, 5), ((await _h.Member("bob")).Balance.Available, (await _h.Member("bob")).Balance.Spent));
        Assert.DoesNotContain(await _h.PendingPosts(), p => p.Post is ApprovalRequestPost);
    }

    [Fact]
    public async Task RefusesWhenStockRunsOutAndHoldsNothing()
    {
        Requested(await _h.Say("bob", "redeem coffee"));
        Requested(await _h.Say("bob", "redeem coffee"));
        var before = await _h.Snapshot();

        var refused = Assert.IsType<Refused>(await _h.Say("bob", "redeem coffee"));

        Assert.Equal(Refusal.OutOfStock, refused.Reason);
        Assert.Equal(before, await _h.Snapshot());
        Assert.Equal(60, (await _h.Member("bob")).Balance.Held);
    }

    [Fact]
    public async Task RefusesWithoutEnoughAvailablePointsAndHoldsNothing()
    {
        var before = await _h.Snapshot();

        var refused = Assert.IsType<Refused>(await _h.Say("bob", "redeem team lunch"));

        Assert.Equal((Refusal.NotEnoughPoints, "500|100"), (refused.Reason, refused.Detail));
        Assert.Equal(before, await _h.Snapshot());
    }

    [Fact]
    public async Task RefusesAnUnknownOrAmbiguousReward()
    {
        Assert.Equal(Refusal.UnknownReward, Assert.IsType<Refused>(await _h.Say("bob", "redeem spa day")).Reason);
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Coffee beans\" 40"));
        Assert.Equal(Refusal.AmbiguousReward, Assert.IsType<Refused>(await _h.Say("bob", "redeem coffee")).Reason);
    }

    [Fact]
    public async Task RefusesWhenNobodyCouldApprove()
    {
        await _h.Configure(s => s with { Approvers = [] });

        Assert.Equal(Refusal.NoApprover, Assert.IsType<Refused>(await _h.Say("bob", "redeem coffee")).Reason);
        Assert.Equal(0, (await _h.Member("bob")).Balance.Held);
    }

    [Fact]
    public async Task LimitsRedemptionsPerMemberPerMonth()
    {
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Late start\" 10 --no-approval --monthly-limit 1"));
        Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem late start"));
        Assert.Equal(Refusal.MonthlyLimitReached, Assert.IsType<Refused>(await _h.Say("bob", "redeem late start")).Reason);
        _h.Clock.Advance(TimeSpan.FromDays(31));
        Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem late start"));
    }

    [Fact]
    public async Task RemovedRewardsLeaveTheCatalogButPendingRequestsCanStillBeDecided()
    {
        var id = Requested(await _h.Say("bob", "redeem coffee"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward remove coffee-voucher"));

        Assert.DoesNotContain(Assert.IsType<RewardsView>(await _h.Say("bob", "rewards")).Rewards, r => r.Id == "coffee-voucher");
        Assert.Equal(RedemptionChange.Approved, Assert.IsType<RedemptionView>(await _h.Do("max", new DecideRedemptionCommand(id, true, null))).Change);
    }

    [Fact]
    public async Task TheDecisionUpdatesEveryPostedApprovalCard()
    {
        var id = Requested(await _h.Say("bob", "redeem coffee"));
        await _h.Ledger.RecordApprovalMessageAsync(CoreHarness.Workspace, id, new PostedMessage("D-max", "1700000000.0001"), "it", default);

        await _h.Do("max", new DecideRedemptionCommand(id, true, null));

        var update = Assert.Single(await _h.PendingPosts(), p => p.Post is ApprovalUpdatePost);
        Assert.Equal(new ToExistingMessage(new PostedMessage("D-max", "1700000000.0001", "it")), update.Target);
        Assert.Equal("it", update.Post.Locale); // redrawn in the language it was first drawn in
    }

    [Fact]
    public async Task SaysWhetherSomeoneMayDecideWithoutDeciding()
    {
        var id = Requested(await _h.Say("bob", "redeem coffee"));
        var before = await _h.Snapshot();

        Assert.Null(await _h.Recognition.CheckDecisionAsync(CoreHarness.As("max"), id, default));
        Assert.Equal(Refusal.NotApprover, Assert.IsType<Refused>(await _h.Recognition.CheckDecisionAsync(CoreHarness.As("cat"), id, default)).Reason);
        Assert.Equal(Refusal.SelfApproval, Assert.IsType<Refused>(await _h.Recognition.CheckDecisionAsync(CoreHarness.As("bob"), id, default)).Reason);
        Assert.Equal(before, await _h.Snapshot());

        await _h.Do("max", new DecideRedemptionCommand(id, true, null));
        var stale = Assert.IsType<RedemptionView>(await _h.Recognition.CheckDecisionAsync(CoreHarness.As("max"), id, default));
        Assert.Equal(RedemptionChange.Unchanged, stale.Change);
    }

    private static string Requested(CommandResult result) => Assert.IsType<RedemptionView>(result).Redemption.Id;
}
