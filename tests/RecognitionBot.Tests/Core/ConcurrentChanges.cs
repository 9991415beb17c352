using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core;

/// <summary>Races against real Azurite, from two independent instances, so the ETags and not a lock keep the books.</summary>
public sealed class ConcurrentChanges : IAsyncLifetime
{
    private readonly CoreHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task FortyKudosFromOneGiverWithAnAllowanceForTenGiveExactlyTen()
    {
        for (var i = 0; i < 40; i++) _h.Directory.Add($"agent{i}");
        var instances = new[] { _h.Recognition, _h.SecondInstance() };

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            instances[i % 2].HandleTextAsync(CoreHarness.As("ann"), $"<@agent{i}> +10 rush hour hero", CancellationToken.None))));

        Assert.Equal(10, results.Count(r => r is KudosGiven));
        Assert.All(results.Where(r => r is not KudosGiven), r => Assert.Equal(Refusal.AllowanceExceeded, Assert.IsType<Refused>(r).Reason));
        var giver = Assert.IsType<BalanceView>(await _h.Say("ann", "balance"));
        Assert.Equal(100, giver.Allowance.Used);
        var earned = 0;
        for (var i = 0; i < 40; i++) earned += (await _h.Member($"agent{i}")).Balance.Earned;
        Assert.Equal(100, earned);
    }

    [Fact]
    public async Task ManyGiversToOneRecipientAllCount()
    {
        var givers = new[] { "ann", "cat", "dan", "eve", "fay", "gus", "hal", "ivy", "jon", "kim" };
        var instances = new[] { _h.Recognition, _h.SecondInstance() };

        var results = await Task.WhenAll(givers.Select((g, i) => Task.Run(() =>
            instances[i % 2].HandleTextAsync(CoreHarness.As(g), "<@bob> +7 thanks for covering lunch", CancellationToken.None))));

        Assert.All(results, r => Assert.IsType<KudosGiven>(r));
        Assert.Equal(70, (await _h.Member("bob")).Balance.Earned);
    }

    [Fact]
    public async Task TwentyConcurrentDecisionsOnOneRedemptionHaveExactlyOneWinner()
    {
        var approvers = Enumerable.Range(0, 20).Select(i => new MemberId($"approver{i}")).ToList();
        foreach (var a in approvers) _h.Directory.Add(a.Value);
        await _h.Configure(s => s with { Approvers = approvers });
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Extra break\" 40 --stock 5"));
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +50 for the save"));
        var id = Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem extra break")).Redemption.Id;
        var instances = new[] { _h.Recognition, _h.SecondInstance() };

        var results = await Task.WhenAll(approvers.Select((a, i) => Task.Run(() => instances[i % 2].HandleAsync(
            CoreHarness.As(a.Value, delivery: $"click-{i}"), new DecideRedemptionCommand(id, i % 2 == 0, "no"), CancellationToken.None))));

        var views = results.Select(r => Assert.IsType<RedemptionView>(r)).ToList();
        var winners = views.Where(v => v.Change != RedemptionChange.Unchanged).ToList();
        var winner = Assert.Single(winners);
        Assert.All(views, v => Assert.Equal(winner.Redemption.State, v.Redemption.State));
        var bob = await _h.Member("bob");
        var stock = Assert.Single(Assert.IsType<RewardsView>(await _h.Say("bob", "rewards")).Rewards);
        if (winner.Change == RedemptionChange.Approved)
        {
            Assert.Equal((10, 0, 40), (bob.Balance.Available, bob.Balance.Held, bob.Balance.Spent));
            Assert.Equal(4, stock.Stock);
        }
        else
        {
            Assert.Equal((50, 0, 0), (bob.Balance.Available, bob.Balance.Held, bob.Balance.Spent));
            Assert.Equal(5, stock.Stock);
        }
        Assert.Equal(0, stock.Reserved);
    }

    [Fact]
    public async Task TheSameDeliveryTenTimesAtOnceGivesOneKudosAndTenIdenticalAnswers()
    {
        var instances = new[] { _h.Recognition, _h.SecondInstance() };

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => instances[i % 2].HandleTextAsync(
            CoreHarness.As("ann", delivery: "teams:activity-42"), "<@bob> +10 retried by the platform", CancellationToken.None))));

        var ids = results.Select(r => Assert.IsType<KudosGiven>(r).Kudos.Id).Distinct();
        Assert.Single(ids);
        var json = results.Select(r => System.Text.Json.JsonSerializer.Serialize(r, Json.Options)).Distinct();
        Assert.Single(json);
        Assert.Equal(10, (await _h.Member("bob")).Balance.Earned);
        Assert.Equal(10, Assert.IsType<BalanceView>(await _h.Say("ann", "balance")).Allowance.Used);
    }

    [Fact]
    public async Task AnInstanceNeverActsOnWhatAnotherInstanceChangedSince()
    {
        var first = _h.Recognition;
        var second = _h.SecondInstance();
        Task<CommandResult> Give(RecognitionService instance, string giver, string text) =>
            instance.HandleTextAsync(CoreHarness.As(giver), text, CancellationToken.None);

        Assert.IsType<KudosGiven>(await Give(first, "ann", "<@bob> +40 first instance"));
        Assert.IsType<KudosGiven>(await Give(second, "ann", "<@cat> +50 second instance"));
        // The first instance still remembers ann with 60 left; storage says 10.
        Assert.Equal(Refusal.AllowanceExceeded, Assert.IsType<Refused>(await Give(first, "ann", "<@dan> +20 too much now")).Reason);

        await second.HandleTextAsync(CoreHarness.As("boss"), "admin role manager <@ann>", CancellationToken.None);
        // Promoted by the other instance: the first one must see the larger allowance.
        var given = Assert.IsType<KudosGiven>(await Give(first, "ann", "<@dan> +20 managers have more"));
        Assert.Equal(500 - 110, given.Allowance.Left);
        Assert.Equal(20, (await _h.Member("dan")).Balance.Earned);
    }
}
