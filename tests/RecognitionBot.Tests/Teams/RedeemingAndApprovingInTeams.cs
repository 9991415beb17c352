using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams;
using RecognitionBot.Teams.Cards;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// Rewards in Teams: Redeem from the catalog card, the manager from Graph gets an approval card, Approve / Reject
/// (with a reason) through Action.Execute, the card updated in place for everyone, stale and unauthorised clicks.
/// Each test has its own tenant state (a fresh host), since points and stock carry over.
/// </summary>
public sealed class RedeemingAndApprovingInTeams : IAsyncLifetime
{
    private readonly TeamsTestHost _host = new();
    private TeamsScenario _teams = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_host).InitializeAsync();
        _teams = new TeamsScenario(_host).WithRoster();
        // Ann (the configured admin) installs the app; Graph says Mia manages Ann and Bob.
        using (await _teams.SendAsync(Install(Ann))) { }
        _host.Graph.SetManager(TestActivities.Tenant, Ann.AadId, Mia.AadId, Mia.Name, "mia@contoso.com");
        _host.Graph.SetManager(TestActivities.Tenant, Bob.AadId, Mia.AadId, Mia.Name, "mia@contoso.com");
        var channel = Channel(NewChannel(), "100");
        await _teams.SayAsync(Ann, channel, "admin reward add \"Coffee voucher\" 30 --stock 5");
        await _teams.SayAsync(Ann, channel, "admin reward add \"Extra break\" 500");
        await _teams.SayAsync(Cat, channel, "kudos @bob +50 for carrying the whole queue today");
        await _teams.SayAsync(Dan, channel, "kudos @ann +40 for the brilliant knowledge article");
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_host).DisposeAsync();

    private Activity Install(TestUser by) => _teams.Event(ActivityTypes.InstallationUpdate, by, Personal(by), action: "add");

    private async Task<string> CoffeeId()
    {
        var rewards = await _teams.Ledger.GetRewardsAsync(Workspace, CancellationToken.None);
        return rewards.Single(r => r.Name == "Coffee voucher").Id;
    }

    private async Task<(JsonElement Response, Redemption Redemption, FakeConnector.ConnectorCall ApprovalCard)> BobRedeemsCoffee()
    {
        var reply = await _teams.SayAsync(Bob, Personal(Bob), "rewards");
        var catalog = reply.Card();
        AdaptiveCardContract.AssertValid(catalog);
        var redeem = FindAction(catalog, ViewVerbs.Redeem, "Coffee voucher");

        var response = await _teams.ClickAsync(_teams.CardAction(Bob, Personal(Bob), ViewVerbs.Redeem,
            new Dictionary<string, string> { [ViewVerbs.RewardId] = redeem.GetProperty("data").GetProperty(ViewVerbs.RewardId).GetString()! }, replyToId: "catalog-1"));

        var approval = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path.StartsWith($"/amer/v3/conversations/a:dm-{Mia.AadId}/activities")
            && c.Body.Contains("Coffee voucher"));
        var redemption = (await PendingRedemptions()).Single();
        // The outbox records where the card went, so a decision can update it.
        await WaitUntil(async () => (await _teams.Ledger.GetRedemptionAsync(Workspace, redemption.Id, CancellationToken.None))!.ApprovalMessages is { Count: 1 });
        return (response, redemption, approval);
    }

    [Fact]
    public async Task RedeemHoldsThePointsAndTheManagerFromGraphGetsAnApprovalCard()
    {
        var (response, redemption, approval) = await BobRedeemsCoffee();

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", response.GetProperty("type").GetString());
        var refreshed = response.GetProperty("value");
        AdaptiveCardContract.AssertValid(refreshed);
        Assert.Contains("Coffee voucher", refreshed.AllText());
        Assert.Contains("held", refreshed.AllText());

        Assert.Equal([Mia.Member], redemption.Approvers);
        Assert.Equal(new MemberBalance(50, 0, 30), await _teams.BalanceOf(Bob));
        var card = approval.Card();
        AdaptiveCardContract.AssertValid(card);
        Assert.Contains((Bob.AadId, "<at>Bob Builder</at>"), card.Mentions());
        Assert.Contains("30", card.AllText());
        Assert.Contains("Approve", card.AllText());
        Assert.Contains("Reject", card.AllText());
        Assert.Contains(_host.Graph.Calls, c => c.Path == $"/v1.0/users/{Bob.AadId}/manager");
    }

    [Fact]
    public async Task ApproveSpendsThePointsUpdatesTheCardForEveryoneAndTellsTheRequester()
    {
        var (_, redemption, approval) = await BobRedeemsCoffee();
        var approvalId = approval.Path.Split('/')[4];

        var response = await _teams.ClickAsync(_teams.CardAction(Mia, Personal(Mia), ViewVerbs.Approve,
            new Dictionary<string, string> { [ViewVerbs.RedemptionId] = redemption.Id }, replyToId: "approval-1"));

        var card = response.GetProperty("value");
        AdaptiveCardContract.AssertValid(card);
        Assert.Contains("Approved by <at>Mia Manager</at>", card.AllText());
        Assert.DoesNotContain(ViewVerbs.Approve, card.GetRawText());
        Assert.Equal(new MemberBalance(50, 30, 0), await _teams.BalanceOf(Bob));
        Assert.Equal(4, (await _teams.Ledger.GetRewardsAsync(Workspace, CancellationToken.None)).Single(r => r.Name == "Coffee voucher").Stock);

        var update = await _teams.Connector.WaitForAsync(c => c.Method == "PUT" && c.Path.StartsWith($"/amer/v3/conversations/{approvalId}/activities/"));
        AdaptiveCardContract.AssertValid(update.Card());
        Assert.Contains("Approved by", update.Card().AllText());
        var notice = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path.StartsWith("/amer/v3/conversations/a:personal-bob/activities")
            && c.Body.Contains("was approved by"));
        AdaptiveCardContract.AssertValid(notice.Card());
    }

    [Fact]
    public async Task RejectWithAReasonReleasesTheHoldAndTheRequesterReadsWhy()
    {
        var (_, redemption, _) = await BobRedeemsCoffee();

        var response = await _teams.ClickAsync(_teams.CardAction(Mia, Personal(Mia), ViewVerbs.Reject, new Dictionary<string, string>
        {
            [ViewVerbs.RedemptionId] = redemption.Id,
            [ViewVerbs.Reason] = "Out of budget **this** month <at>Everyone</at>",
        }));

        var card = response.GetProperty("value");
        AdaptiveCardContract.AssertValid(card);
        Assert.Contains("Rejected by", card.AllText());
        Assert.Contains("Out of budget", card.AllText());
        Assert.Equal([Bob.AadId, Mia.AadId], card.Mentions().Select(m => m.Id).Order());
        Assert.DoesNotContain("<at>Everyone</at>", card.GetRawText());
        Assert.Equal(new MemberBalance(50, 0, 0), await _teams.BalanceOf(Bob));
        var notice = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path.StartsWith("/amer/v3/conversations/a:personal-bob/activities")
            && c.Body.Contains("Out of budget"));
        AdaptiveCardContract.AssertValid(notice.Card());
    }

    [Fact]
    public async Task ClickingADecidedCardShowsTheCurrentStateAndChangesNothing()
    {
        var (_, redemption, _) = await BobRedeemsCoffee();
        await _teams.ClickAsync(_teams.CardAction(Mia, Personal(Mia), ViewVerbs.Reject,
            new Dictionary<string, string> { [ViewVerbs.RedemptionId] = redemption.Id }, replyToId: "approval-2"));
        var after = await _teams.BalanceOf(Bob);

        var stale = await _teams.ClickAsync(_teams.CardAction(Mia, Personal(Mia), ViewVerbs.Approve,
            new Dictionary<string, string> { [ViewVerbs.RedemptionId] = redemption.Id }, replyToId: "approval-2"));

        var card = stale.GetProperty("value");
        AdaptiveCardContract.AssertValid(card);
        Assert.Contains("already rejected", card.AllText());
        Assert.Equal(after, await _teams.BalanceOf(Bob));
        Assert.Equal(RedemptionState.Rejected, (await _teams.Ledger.GetRedemptionAsync(Workspace, redemption.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task SomeoneWhoIsNotAnApproverIsToldSoAndNothingChanges()
    {
        var (_, redemption, _) = await BobRedeemsCoffee();
        var before = await _teams.BalanceOf(Bob);

        var response = await _teams.ClickAsync(_teams.CardAction(Cat, Personal(Cat), ViewVerbs.Approve,
            new Dictionary<string, string> { [ViewVerbs.RedemptionId] = redemption.Id }));
        var self = await _teams.ClickAsync(_teams.CardAction(Bob, Personal(Bob), ViewVerbs.Approve,
            new Dictionary<string, string> { [ViewVerbs.RedemptionId] = redemption.Id }));

        var card = response.GetProperty("value");
        AdaptiveCardContract.AssertValid(card);
        Assert.Contains("Only the requester's manager or a workspace approver", card.AllText());
        Assert.Contains(ViewVerbs.Approve, card.GetRawText());
        Assert.Contains("Nobody approves their own request", self.GetProperty("value").AllText());
        Assert.Equal(before, await _teams.BalanceOf(Bob));
        Assert.Equal(RedemptionState.Pending, (await _teams.Ledger.GetRedemptionAsync(Workspace, redemption.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task ADoubleClickOnRedeemRedeemsOnce()
    {
        var coffee = await CoffeeId();
        var click = _teams.CardAction(Ann, Personal(Ann), ViewVerbs.Redeem, new Dictionary<string, string> { [ViewVerbs.RewardId] = coffee }, replyToId: "catalog-ann");
        var again = _teams.CardAction(Ann, Personal(Ann), ViewVerbs.Redeem, new Dictionary<string, string> { [ViewVerbs.RewardId] = coffee }, replyToId: "catalog-ann");

        await Task.WhenAll(_teams.ClickAsync(click), _teams.ClickAsync(again));

        Assert.Equal(new MemberBalance(40, 0, 30), await _teams.BalanceOf(Ann));
        Assert.Single(await PendingRedemptions());
    }

    [Fact]
    public async Task TheRequesterCanCancelWhilePending()
    {
        var (catalog, redemption, _) = await BobRedeemsCoffee();

        // The re-drawn catalog is the only card Bob gets for his request: Cancel must be on it.
        var cancel = catalog.GetProperty("value").GetProperty("body").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "ActionSet")
            .SelectMany(e => e.GetProperty("actions").EnumerateArray())
            .Single(a => a.GetProperty("verb").GetString() == ViewVerbs.Cancel);
        Assert.Equal(redemption.Id, cancel.GetProperty("data").GetProperty(ViewVerbs.RedemptionId).GetString());

        var response = await _teams.ClickAsync(_teams.CardAction(Bob, Personal(Bob), ViewVerbs.Cancel,
            new Dictionary<string, string> { [ViewVerbs.RedemptionId] = cancel.GetProperty("data").GetProperty(ViewVerbs.RedemptionId).GetString()! }, replyToId: "catalog-1"));

        AdaptiveCardContract.AssertValid(response.GetProperty("value"));
        Assert.Contains("You cancelled", response.GetProperty("value").AllText());
        Assert.Equal(new MemberBalance(50, 0, 0), await _teams.BalanceOf(Bob));
        await _teams.Connector.WaitForAsync(c => c.Method == "PUT" && c.Body.Contains("Cancelled"));
    }

    [Fact]
    public async Task WithoutAManagerInGraphTheWorkspaceApproversDecide()
    {
        _host.Graph.Forbid(TestActivities.Tenant);
        await _teams.SayAsync(Ann, Personal(Ann), "admin approver add @dan");
        var coffee = await CoffeeId();

        await _teams.ClickAsync(_teams.CardAction(Cat, Personal(Cat), ViewVerbs.Redeem, new Dictionary<string, string> { [ViewVerbs.RewardId] = coffee }));

        // Cat has no points: a clear refusal, nothing held, nobody asked.
        Assert.Empty(await PendingRedemptions());
        await _teams.SayAsync(Dan, Channel(NewChannel(), "7"), "kudos @cat +35 for the calm on a terrible day");
        var response = await _teams.ClickAsync(_teams.CardAction(Cat, Personal(Cat), ViewVerbs.Redeem, new Dictionary<string, string> { [ViewVerbs.RewardId] = coffee }));

        Assert.Contains("held", response.GetProperty("value").AllText());
        var redemption = (await PendingRedemptions()).Single();
        Assert.Equal([Dan.Member], redemption.Approvers);
        await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path.StartsWith("/amer/v3/conversations/a:dm-29:dan/activities") && c.Body.Contains("Coffee voucher"));
    }

    [Fact]
    public async Task ARefusedRedeemOffersNoCancel()
    {
        var extra = (await _teams.Ledger.GetRewardsAsync(Workspace, CancellationToken.None)).Single(r => r.Name == "Extra break");

        var response = await _teams.ClickAsync(_teams.CardAction(Bob, Personal(Bob), ViewVerbs.Redeem,
            new Dictionary<string, string> { [ViewVerbs.RewardId] = extra.Id }));

        Assert.DoesNotContain(ViewVerbs.Cancel, response.GetProperty("value").GetRawText());
    }

    [Fact]
    public async Task NotEnoughPointsIsRefusedOnTheCatalogCard()
    {
        var extra = (await _teams.Ledger.GetRewardsAsync(Workspace, CancellationToken.None)).Single(r => r.Name == "Extra break");

        var response = await _teams.ClickAsync(_teams.CardAction(Bob, Personal(Bob), ViewVerbs.Redeem,
            new Dictionary<string, string> { [ViewVerbs.RewardId] = extra.Id }));

        var card = response.GetProperty("value");
        AdaptiveCardContract.AssertValid(card);
        Assert.Contains("costs 500 points and you have 50 available", card.AllText());
        Assert.Equal(new MemberBalance(50, 0, 0), await _teams.BalanceOf(Bob));
    }

    private async Task<IReadOnlyList<Redemption>> PendingRedemptions()
    {
        var found = new List<Redemption>();
        foreach (var user in Everyone)
            foreach (var m in (await _teams.Ledger.GetHistoryAsync(Workspace, user.Member, 20, CancellationToken.None)).Movements)
                if (m.Kind == MovementKind.Held && await _teams.Ledger.GetRedemptionAsync(Workspace, m.Reference, CancellationToken.None) is { State: RedemptionState.Pending } r)
                    found.Add(r);
        return found;
    }

    private static JsonElement FindAction(JsonElement card, string verb, string nearText)
    {
        foreach (var container in card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "Container"))
        {
            if (!container.AllText().Contains(nearText)) continue;
            foreach (var item in container.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("type").GetString() == "ActionSet"))
                return item.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("verb").GetString() == verb);
        }
        throw new InvalidOperationException($"No {verb} action near {nearText}");
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("Condition never became true.");
    }
}
