using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Storage;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Infrastructure;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// Leavers in Teams: a member removed from the team (<c>conversationUpdate</c> with <c>membersRemoved</c>) leaves the
/// workspace only when Graph reports their account disabled or gone; then their pending request is cancelled (the
/// approval card updated), and they can no longer receive. Removed with an enabled account (they moved team): nothing
/// changes. Added back: it is lifted.
/// </summary>
public sealed class LeavingInTeams : IAsyncLifetime
{
    private readonly TeamsTestHost _host = new();
    private TeamsScenario _teams = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_host).InitializeAsync();
        _teams = new TeamsScenario(_host).WithRoster();
        using (await _teams.SendAsync(_teams.Event(ActivityTypes.InstallationUpdate, Ann, Personal(Ann), action: "add"))) { }
        _host.Graph.SetManager(TestActivities.Tenant, Bob.AadId, Mia.AadId, Mia.Name, "mia@contoso.com");
        var channel = Channel(NewChannel(), "100");
        await _teams.SayAsync(Ann, channel, "admin reward add \"Coffee voucher\" 30 --stock 5");
        await _teams.SayAsync(Cat, channel, "kudos @bob +50 for carrying the whole queue today");
        // The kudos' posts record where they went on its row once made: done before any test reads "before".
        var outbox = _host.Services.GetRequiredService<OutboxStore>();
        for (var i = 0; i < 600 && await outbox.CountAsync(Workspace, CancellationToken.None) > 0; i++) await Task.Delay(50);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_host).DisposeAsync();

    private Activity Removed(TestUser who) => _teams.Event(ActivityTypes.ConversationUpdate, Ann, Channel(TeamId, TeamId), removed: [who.Account]);

    private Activity Added(TestUser who) => _teams.Event(ActivityTypes.ConversationUpdate, Ann, Channel(TeamId, TeamId), added: [who.Account]);

    private async Task<Redemption> BobRedeemsAsync()
    {
        await _teams.SayAsync(Bob, Personal(Bob), "redeem Coffee voucher");
        await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path.Contains($"a:dm-{Mia.AadId}") && c.Body.Contains("Coffee voucher"));
        var redemption = Assert.Single(await _teams.Ledger.GetPendingRedemptionsAsync(Workspace, CancellationToken.None));
        for (var i = 0; i < 200 && !await CardRecordedAsync(redemption.Id); i++) await Task.Delay(50);
        return redemption;
    }

    private async Task<bool> CardRecordedAsync(string id) =>
        (await _teams.Ledger.GetRedemptionAsync(Workspace, id, CancellationToken.None))!.ApprovalMessages is { Count: 1 };

    private async Task<Reward> CoffeeAsync() => Assert.Single(await _teams.Ledger.GetRewardsAsync(Workspace, CancellationToken.None));

    private Task<IReadOnlyDictionary<string, string>> LedgerAsync() =>
        StorageSnapshot.LedgerAsync(_host.Services.GetRequiredService<TableStore>(), Workspace);

    [Fact]
    public async Task RemovedWithADisabledAccountTheirPendingRequestIsCancelledAndTheCardUpdated()
    {
        var redemption = await BobRedeemsAsync();
        Assert.Equal(4, (await CoffeeAsync()).Left);
        _host.Graph.SetAccount(TestActivities.Tenant, Bob.AadId, enabled: false);

        using (await _teams.SendAsync(Removed(Bob))) { }

        var update = await _teams.Connector.WaitForAsync(c => c.Method == "PUT" && c.Body.Contains("Cancelled"));
        AdaptiveCardContract.AssertValid(update.Card());
        Assert.Contains("Cancelled by <at>Bob Builder</at>", update.Card().AllText());
        Assert.Equal(new MemberBalance(50, 0, 0), await _teams.BalanceOf(Bob));
        Assert.Equal(5, (await CoffeeAsync()).Left);
        Assert.Equal(RedemptionState.Cancelled, (await _teams.Ledger.GetRedemptionAsync(Workspace, redemption.Id, CancellationToken.None))!.State);

        // Teams redelivers the same activity: nothing more happens.
        var before = await LedgerAsync();
        var puts = _teams.Connector.Calls.Count(c => c.Method == "PUT");
        var again = Removed(Bob);
        using (await _teams.SendAsync(again)) { }
        using (await _teams.SendAsync(again)) { }
        Assert.Equal(before, await LedgerAsync());
        Assert.Equal(puts, _teams.Connector.Calls.Count(c => c.Method == "PUT"));
    }

    [Fact]
    public async Task ALeaverCanNoLongerReceiveAndIsNamedInTheRefusal()
    {
        using (await _teams.SendAsync(Removed(Bob))) { }
        var before = await LedgerAsync();

        var reply = await _teams.SayAsync(Cat, Personal(Cat), "kudos @bob +10 thanks for the handover");

        Assert.Contains("has left the workspace", reply.Card().AllText());
        Assert.Contains("Bob Builder", reply.Card().AllText());
        Assert.Equal(before, await LedgerAsync());
    }

    [Fact]
    public async Task RemovedFromTheTeamWithAnEnabledAccountIsNotALeaver()
    {
        await BobRedeemsAsync();
        _host.Graph.SetAccount(TestActivities.Tenant, Bob.AadId, enabled: true);
        var before = await LedgerAsync();

        using (await _teams.SendAsync(Removed(Bob))) { }

        Assert.Equal(before, await LedgerAsync());
        Assert.False((await _teams.Ledger.GetMemberAsync(Workspace, Bob.Member, CancellationToken.None)).HasLeft);
        Assert.Single(await _teams.Ledger.GetPendingRedemptionsAsync(Workspace, CancellationToken.None));
    }

    [Fact]
    public async Task AddedBackTheyAreMembersAgain()
    {
        using (await _teams.SendAsync(Removed(Bob))) { }
        Assert.True((await _teams.Ledger.GetMemberAsync(Workspace, Bob.Member, CancellationToken.None)).HasLeft);

        using (await _teams.SendAsync(Added(Bob))) { }
        await _teams.SayAsync(Dan, Personal(Dan), "kudos @bob +10 welcome back, we missed you");

        Assert.False((await _teams.Ledger.GetMemberAsync(Workspace, Bob.Member, CancellationToken.None)).HasLeft);
        Assert.Equal(60, (await _teams.BalanceOf(Bob)).Available);
    }
}
