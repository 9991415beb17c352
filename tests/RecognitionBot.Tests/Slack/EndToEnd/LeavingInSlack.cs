using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// Someone deactivated in Slack (a signed <c>user_change</c> with <c>deleted: true</c>) leaves the workspace: they can
/// neither give nor receive, their pending requests are cancelled once (hold and stock back, the approver's card
/// redrawn), requests waiting on them go to the workspace approvers; reactivation lifts it.
/// </summary>
public sealed class LeavingInSlack : IAsyncLifetime
{
    private const string Leaver = "U0002";
    private const string Manager = "U0006";
    private const string Approver = "U0007";
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SlackAppDriver.StartAsync();
        await _app.CommandAsync("U0009", "admin reward add \"Extra break\" 20 --stock 3");
        await _app.CommandAsync("U0009", "admin approver add <@U0007>");
        await _app.CommandAsync("U0001", "<@U0002> +50 for carrying the whole queue today");
        await _app.CommandAsync("U0001", "<@U0003> +50 for the calm on the night shift");
        await _app.OutboxDrainedAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> UserChangeAsync(string user, bool deleted, string eventId, int retry = 0)
    {
        _app.Slack.AddUser(user, deleted: deleted);
        var body = new JsonObject
        {
            ["token"] = "x",
            ["team_id"] = Team,
            ["api_app_id"] = "A0001",
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["event"] = new JsonObject
            {
                ["type"] = "user_change",
                ["user"] = new JsonObject { ["id"] = user, ["team_id"] = Team, ["deleted"] = deleted, ["name"] = user.ToLowerInvariant() },
                ["event_ts"] = "1700000000.000100",
            },
        }.ToJsonString();
        var headers = retry == 0 ? null : new Dictionary<string, string> { ["X-Slack-Retry-Num"] = $"{retry}", ["X-Slack-Retry-Reason"] = "http_timeout" };
        return _app.Host.PostSignedAsync("/slack/events", body, "application/json", headers: headers);
    }

    /// <summary>Redeems the reward as <paramref name="requester"/> and returns the approval card's id, channel and ts.</summary>
    private async Task<(string Id, string Channel, string Ts)> RedeemAsync(string requester, string approverDm)
    {
        await _app.CommandAsync(requester, "redeem Extra break");
        var card = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == approverDm && c.Body.Contains("Extra break"));
        await _app.OutboxDrainedAsync();
        var pending = await Ledger.GetPendingRedemptionsAsync(Workspace, CancellationToken.None);
        var id = pending.Single(r => r.Requester.Value == requester).Id;
        return (id, card.ResponseJson.GetProperty("channel").GetString()!, card.ResponseJson.GetProperty("ts").GetString()!);
    }

    private ILedger Ledger => _app.Host.Services.GetRequiredService<ILedger>();

    private async Task<Reward> RewardAsync() => Assert.Single(await Ledger.GetRewardsAsync(Workspace, CancellationToken.None));

    [Fact]
    public async Task ALeaversPendingRedemptionIsCancelledExactlyOnceWithTheHoldAndStockBack()
    {
        var (id, channel, ts) = await RedeemAsync(Leaver, "DU0007");
        Assert.Equal((20, 2), ((await _app.BalanceAsync(Leaver)).Balance.Held, (await RewardAsync()).Left));

        var response = await UserChangeAsync(Leaver, deleted: true, "EvLeft1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == ts);
        Assert.Equal(channel, update.Arg("channel"));
        Assert.Contains("Cancelled by <@U0002>", Said(update.Json));
        var balance = await _app.BalanceAsync(Leaver);
        Assert.Equal((0, 0, 50), (balance.Balance.Held, balance.Balance.Spent, balance.Balance.Available));
        Assert.Equal(3, (await RewardAsync()).Left);
        Assert.Equal(RedemptionState.Cancelled, (await Ledger.GetRedemptionAsync(Workspace, id, CancellationToken.None))!.State);
        // The leaver is gone: nobody DMs them that their request was withdrawn.
        await _app.OutboxDrainedAsync();
        Assert.DoesNotContain(_app.PostsTo("DU0002"), c => c.Body.Contains("Extra break"));

        var before = await _app.PartitionAsync();
        var updates = _app.Slack.CallsTo("chat.update").Count;
        var redelivered = await UserChangeAsync(Leaver, deleted: true, "EvLeft1", retry: 1);
        var again = await UserChangeAsync(Leaver, deleted: true, "EvLeft2");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (redelivered.StatusCode, again.StatusCode));
        Assert.Equal(before, await _app.PartitionAsync());
        await _app.OutboxDrainedAsync();
        Assert.Equal(updates, _app.Slack.CallsTo("chat.update").Count);
        Assert.Equal((0, 50), ((await _app.BalanceAsync(Leaver)).Balance.Held, (await _app.BalanceAsync(Leaver)).Balance.Available));
    }

    [Fact]
    public async Task GivingToALeaverIsRefusedByNameAndWritesNothing()
    {
        await UserChangeAsync(Leaver, deleted: true, "EvLeft3");
        // The platform's word may lag (cached profiles, another instance): the ledger's mark is what refuses.
        _app.Slack.AddUser(Leaver);
        var before = await _app.PartitionAsync();

        var said = Said(await _app.CommandAsync("U0001", "<@U0002> +10 thanks for everything"));

        Assert.Contains("<@U0002>", said);
        Assert.Contains("has left the workspace", said);
        Assert.Equal(before, await _app.PartitionAsync());
    }

    [Fact]
    public async Task ALeaverGivingIsRefusedAndWritesNothing()
    {
        await UserChangeAsync(Leaver, deleted: true, "EvLeft4");
        _app.Slack.AddUser(Leaver);
        var before = await _app.PartitionAsync();

        var said = Said(await _app.CommandAsync(Leaver, "<@U0001> +10 thanks for the handover"));

        Assert.Contains("has left this workspace", said);
        Assert.Equal(before, await _app.PartitionAsync());
    }

    [Fact]
    public async Task AnApprovalWaitingOnALeaverGoesToTheWorkspaceApprovers()
    {
        await _app.CommandAsync("U0009", $"admin manager <@U0003> <@{Manager}>");
        var (id, _, _) = await RedeemAsync("U0003", "DU0006");
        Assert.DoesNotContain(_app.PostsTo("DU0007"), c => c.Body.Contains("Extra break"));

        await UserChangeAsync(Manager, deleted: true, "EvLeft5");

        var card = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0007" && c.Body.Contains("Extra break"));
        Assert.Contains("<@U0003>", Said(card.Json));
        var notice = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0003" && c.Body.Contains("workspace approvers"));
        Assert.Contains("<@U0006>", Said(notice.Json));
        var redemption = (await Ledger.GetRedemptionAsync(Workspace, id, CancellationToken.None))!;
        Assert.Equal(RedemptionState.Pending, redemption.State);
        Assert.Equal([new MemberId(Approver)], redemption.Approvers);
        Assert.Equal(20, (await _app.BalanceAsync("U0003")).Balance.Held);

        await _app.ClickAsync(Approver, SlackActions.Id(ViewVerbs.Approve), id,
            card.ResponseJson.GetProperty("channel").GetString()!, card.ResponseJson.GetProperty("ts").GetString()!);

        Assert.Equal(RedemptionState.Approved, (await Ledger.GetRedemptionAsync(Workspace, id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task ReactivationLiftsIt()
    {
        await UserChangeAsync(Leaver, deleted: true, "EvLeft6");
        Assert.True((await Ledger.GetMemberAsync(Workspace, new MemberId(Leaver), CancellationToken.None)).HasLeft);

        await UserChangeAsync(Leaver, deleted: false, "EvBack6");
        var said = Said(await _app.CommandAsync("U0004", "<@U0002> +10 welcome back to the team"));

        Assert.DoesNotContain("has left", said);
        Assert.Equal(60, (await _app.BalanceAsync(Leaver)).Balance.Available);
        // A late retry of the old "deleted" finds the account active (users.info is the truth) and changes nothing.
        var before = await _app.PartitionAsync();
        _app.Slack.AddUser(Leaver);
        var late = await _app.Host.PostSignedAsync("/slack/events", new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = Team,
            ["event_id"] = "EvLeft6",
            ["event"] = new JsonObject { ["type"] = "user_change", ["user"] = new JsonObject { ["id"] = Leaver, ["deleted"] = true } },
        }.ToJsonString(), "application/json", headers: new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "2" });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(before, await _app.PartitionAsync());
    }

    [Fact]
    public async Task LeaversLeaveTheLeaderboardButKeepTheirHistory()
    {
        await UserChangeAsync(Leaver, deleted: true, "EvLeft7");

        var board = Said(await _app.CommandAsync("U0001", "leaderboard all"));
        var history = await Ledger.GetHistoryAsync(Workspace, new MemberId(Leaver), 20, CancellationToken.None);

        Assert.DoesNotContain("<@U0002>", board);
        Assert.Contains("<@U0003>", board);
        Assert.Contains(history.Movements, m => m.Kind == MovementKind.Received && m.Points == 50);
    }
}
