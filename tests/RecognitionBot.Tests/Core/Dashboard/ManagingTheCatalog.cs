using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core.Dashboard;

/// <summary>
/// The dashboard's catalog: edit and restock, as handlers behind the admin check, each change with its audit row in
/// the same transaction; a refused one writes nothing.
/// </summary>
public sealed class ManagingTheCatalog : IAsyncLifetime
{
    private readonly CoreHarness _h = new();

    public async Task InitializeAsync()
    {
        await _h.Configure(s => s with { Approvers = [new MemberId("max")] });
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Coffee voucher\" 30 --stock 2"));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Team lunch\" 300"));
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +50 for the whole week of cover"));
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<Reward> Reward(string id) =>
        Assert.Single(Assert.IsType<RewardsView>(await _h.Do("bob", new RewardsCommand())).Rewards, r => r.Id == id);

    [Fact]
    public async Task AnEditChangesNameCostAndApprovalAndIsAudited()
    {
        var done = await _h.Do("boss", new EditRewardCommand("coffee-voucher", "Large coffee", 40, false, 2));

        Assert.Equal(new AdminDone(new EditRewardCommand("coffee-voucher", "Large coffee", 40, false, 2), "Large coffee"), done);
        var reward = await Reward("coffee-voucher");
        Assert.Equal(("Large coffee", 40, 2, false, 2), (reward.Name, reward.Cost, reward.Stock, reward.NeedsApproval, reward.MonthlyLimit));
        var entry = Assert.Single(await _h.AuditLog(), e => e.Action == AuditAction.RewardEdited);
        Assert.Equal((new MemberId("boss"), "Large coffee", "\"Coffee voucher\" 30 --stock 2", "\"Large coffee\" 40 --stock 2 --no-approval --monthly-limit 2",
            "coffee-voucher"), (entry.Actor, entry.Subject, entry.Before, entry.After, entry.Note));
    }

    [Fact]
    public async Task ARequestMadeBeforeAnEditKeepsItsNameAndCost()
    {
        var id = Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem coffee")).Redemption.Id;

        Assert.IsType<AdminDone>(await _h.Do("boss", new EditRewardCommand("coffee-voucher", "Large coffee", 45, true, null)));
        var approved = Assert.IsType<RedemptionView>(await _h.Do("max", new DecideRedemptionCommand(id, true, null)));

        Assert.Equal(("Coffee voucher", 30), (approved.Redemption.RewardName, approved.Redemption.Cost));
        Assert.Equal((20, 30), ((await _h.Member("bob")).Balance.Available, (await _h.Member("bob")).Balance.Spent));
        Assert.Equal(1, (await Reward("coffee-voucher")).Stock);
    }

    [Theory]
    [InlineData("coffee-voucher", "Team lunch", 30, Refusal.RewardExists)]
    [InlineData("coffee-voucher", "  ", 30, Refusal.BadRewardName)]
    [InlineData("coffee-voucher", "Coffee", 0, Refusal.BadRewardNumber)]
    [InlineData("no-such-reward", "Coffee", 30, Refusal.UnknownReward)]
    public async Task ARefusedEditWritesNothing(string id, string name, int cost, Refusal refusal)
    {
        var before = await _h.AllRows();

        Assert.Equal(refusal, Assert.IsType<Refused>(await _h.Do("boss", new EditRewardCommand(id, name, cost, true, null))).Reason);

        Assert.Equal(before, await _h.AllRows());
    }

    [Fact]
    public async Task RestockingAddsToTheStockAndIsAudited()
    {
        Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem coffee"));

        Assert.Equal(new AdminDone(new RestockRewardCommand("coffee-voucher", 5), "Coffee voucher"),
            await _h.Do("boss", new RestockRewardCommand("coffee-voucher", 5)));

        var reward = await Reward("coffee-voucher");
        Assert.Equal((7, 1, 6), (reward.Stock, reward.Reserved, reward.Left));
        var entry = Assert.Single(await _h.AuditLog(), e => e.Action == AuditAction.RewardRestocked);
        Assert.Equal(("Coffee voucher", "2", "7"), (entry.Subject, entry.Before, entry.After));
    }

    [Theory]
    [InlineData("team-lunch", 5, Refusal.UnlimitedStock)]
    [InlineData("coffee-voucher", 0, Refusal.BadRewardNumber)]
    [InlineData("coffee-voucher", 2_000_000, Refusal.BadRewardNumber)]
    [InlineData("gone", 5, Refusal.UnknownReward)]
    public async Task ARefusedRestockWritesNothing(string id, int quantity, Refusal refusal)
    {
        var before = await _h.AllRows();

        Assert.Equal(refusal, Assert.IsType<Refused>(await _h.Do("boss", new RestockRewardCommand(id, quantity))).Reason);

        Assert.Equal(before, await _h.AllRows());
    }

    [Fact]
    public async Task OnlyAdminsEditOrRestock()
    {
        var before = await _h.AllRows();

        Assert.Equal(new Refused(Refusal.NotAdmin), await _h.Do("ann", new EditRewardCommand("coffee-voucher", "Free coffee", 1, false, null)));
        Assert.Equal(new Refused(Refusal.NotAdmin), await _h.Do("ann", new RestockRewardCommand("coffee-voucher", 100)));

        Assert.Equal(before, await _h.AllRows());
    }

    [Fact]
    public async Task ARetiredRewardCanBeNeitherEditedNorRestocked()
    {
        Assert.IsType<AdminDone>(await _h.Do("boss", new RemoveRewardCommand("coffee-voucher")));

        Assert.Equal(Refusal.UnknownReward, Assert.IsType<Refused>(await _h.Do("boss", new RestockRewardCommand("coffee-voucher", 1))).Reason);
        Assert.Equal(Refusal.UnknownReward,
            Assert.IsType<Refused>(await _h.Do("boss", new EditRewardCommand("coffee-voucher", "Coffee", 30, true, null))).Reason);
    }
}
