using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Views;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>Rewards catalog, Redeem, and the approver's card with Approve / Reject, all through Slack's wire format.</summary>
public sealed class RedeemingAndApprovingInSlack : IAsyncLifetime
{
    private const string Requester = "U0002";
    private const string Approver = "U0007";
    private SlackAppDriver _app = null!;
    private string _rewardId = null!;

    public async Task InitializeAsync()
    {
        _app = await SlackAppDriver.StartAsync();
        await _app.CommandAsync("U0009", "admin reward add \"Extra break\" 20");
        await _app.CommandAsync("U0009", "admin approver add <@U0007>");
        await _app.CommandAsync("U0001", "<@U0002> +50 for carrying the whole queue today");
        var rewards = await _app.Host.Services.GetRequiredService<ILedger>().GetRewardsAsync(Workspace, CancellationToken.None);
        _rewardId = Assert.Single(rewards).Id;
        await _app.OutboxDrainedAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Redeems through the catalog's button and returns the approval card the approver got.</summary>
    private async Task<(string RedemptionId, string Channel, string Ts)> RedeemAsync(string catalogTs = "1700000000.000001")
    {
        var response = await _app.ClickAsync(Requester, SlackActions.Id(ViewVerbs.Redeem), _rewardId, Channel, catalogTs, ephemeral: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0007" && c.Body.Contains(SlackActions.Id(ViewVerbs.Approve), StringComparison.Ordinal));
        var id = Buttons(card.Json).Single(b => b.Action == SlackActions.Id(ViewVerbs.Approve)).Value;
        return (id, card.ResponseJson.GetProperty("channel").GetString()!, card.ResponseJson.GetProperty("ts").GetString()!);
    }

    private static IEnumerable<(string Action, string Value)> Buttons(JsonElement message) =>
        message.GetProperty("blocks").EnumerateArray()
            .SelectMany(b => b.TryGetProperty("elements", out var e) && b.GetProperty("type").GetString() == "actions" ? e.EnumerateArray() : [])
            .Concat(message.GetProperty("blocks").EnumerateArray().Where(b => b.TryGetProperty("accessory", out _)).Select(b => b.GetProperty("accessory")))
            .Where(e => e.GetProperty("type").GetString() == "button")
            .Select(e => (e.GetProperty("action_id").GetString()!, e.TryGetProperty("value", out var v) ? v.GetString()! : ""));

    private string LastAnswerTo(string user) => Said(_app.Slack.CallsTo($"response_url.{user}").Last().Json);

    private async Task<Redemption> RedemptionAsync(string id) =>
        (await _app.Host.Services.GetRequiredService<ILedger>().GetRedemptionAsync(Workspace, id, CancellationToken.None))!;

    [Fact]
    public async Task TheCatalogOffersRedeemOnlyForWhatTheMemberCanAfford()
    {
        await _app.CommandAsync("U0009", "admin reward add \"Team lunch\" 200");

        var catalog = await _app.CommandAsync(Requester, "rewards");

        Assert.Contains("Extra break", Said(catalog));
        Assert.Contains("Team lunch", Said(catalog));
        Assert.Contains("150 more points needed", Said(catalog));
        Assert.Equal([(SlackActions.Id(ViewVerbs.Redeem), _rewardId)], Buttons(catalog));
    }

    [Fact]
    public async Task RedeemHoldsThePointsAndSendsTheApproverACardWithApproveAndReject()
    {
        var (id, _, _) = await RedeemAsync();

        Assert.Contains("held", LastAnswerTo(Requester));
        var balance = await _app.BalanceAsync(Requester);
        Assert.Equal((20, 30), (balance.Balance.Held, balance.Balance.Available));
        var card = _app.Slack.CallsTo("chat.postMessage").Single(c => c.Arg("channel") == "DU0007");
        Assert.Equal([(SlackActions.Id(ViewVerbs.Approve), id), (SlackActions.Id(ViewVerbs.Reject), id)], Buttons(card.Json));
        Assert.Contains("<@U0002>", Said(card.Json));
        Assert.Contains("Extra break", Said(card.Json));
        Assert.Equal(RedemptionState.Pending, (await RedemptionAsync(id)).State);
    }

    [Fact]
    public async Task ApproveSpendsThePointsUpdatesTheCardInPlaceAndTellsTheRequester()
    {
        var (id, channel, ts) = await RedeemAsync();

        await _app.ClickAsync(Approver, SlackActions.Id(ViewVerbs.Approve), id, channel, ts);

        var update = await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == ts);
        Assert.Equal(channel, update.Arg("channel"));
        Assert.Contains("Approved by <@U0007>", Said(update.Json));
        Assert.Empty(Buttons(update.Json));
        var balance = await _app.BalanceAsync(Requester);
        Assert.Equal((0, 20, 30), (balance.Balance.Held, balance.Balance.Spent, balance.Balance.Available));
        var notice = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0002" && c.Body.Contains("approved", StringComparison.Ordinal));
        Assert.Contains("<@U0007>", Said(notice.Json));
    }

    [Fact]
    public async Task RejectAsksForAReasonThenReleasesTheHoldAndPassesTheReasonOn()
    {
        var (id, channel, ts) = await RedeemAsync();

        await _app.ClickAsync(Approver, SlackActions.Id(ViewVerbs.Reject), id, channel, ts);
        var opened = await _app.Slack.WaitForCallAsync("views.open");
        var view = opened.Json.GetProperty("view");
        Assert.Equal(SlackActions.RejectModal, view.GetProperty("callback_id").GetString());
        Assert.Equal(RedemptionState.Pending, (await RedemptionAsync(id)).State);

        var submitted = await _app.SubmitViewAsync(Approver, view, "Budget freeze until <!here> January");

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("", await submitted.Content.ReadAsStringAsync());
        var update = await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == ts);
        Assert.Contains("Rejected by <@U0007>", Said(update.Json));
        Assert.Contains("Budget freeze until", Said(update.Json));
        var balance = await _app.BalanceAsync(Requester);
        Assert.Equal((0, 0, 50), (balance.Balance.Held, balance.Balance.Spent, balance.Balance.Available));
        var notice = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0002" && c.Body.Contains("Budget freeze", StringComparison.Ordinal));
        Assert.DoesNotContain("<!here>", Said(notice.Json));
    }

    [Fact]
    public async Task ANonApproversClickIsRefusedAndChangesNothing()
    {
        var (id, channel, ts) = await RedeemAsync();

        await _app.ClickAsync("U0003", SlackActions.Id(ViewVerbs.Approve), id, channel, ts);
        await _app.ClickAsync("U0003", SlackActions.Id(ViewVerbs.Reject), id, channel, ts);

        Assert.All(_app.Slack.CallsTo("response_url.U0003"), c => Assert.Contains("Only the requester's manager or a workspace approver", Said(c.Json)));
        Assert.Equal(2, _app.Slack.CallsTo("response_url.U0003").Count);
        Assert.Empty(_app.Slack.CallsTo("views.open"));
        Assert.Empty(_app.Slack.CallsTo("chat.update"));
        Assert.Equal(RedemptionState.Pending, (await RedemptionAsync(id)).State);
        Assert.Equal(20, (await _app.BalanceAsync(Requester)).Balance.Held);
    }

    [Fact]
    public async Task NobodyApprovesTheirOwnRequest()
    {
        await _app.CommandAsync("U0009", "admin approver add <@U0002>");
        var (id, channel, ts) = await RedeemAsync();

        await _app.ClickAsync(Requester, SlackActions.Id(ViewVerbs.Approve), id, channel, ts);

        Assert.Contains("Nobody approves their own request", LastAnswerTo(Requester));
        Assert.Equal(RedemptionState.Pending, (await RedemptionAsync(id)).State);
    }

    [Fact]
    public async Task AStaleCardShowsTheDecisionAndChangesNothing()
    {
        var (id, channel, ts) = await RedeemAsync();
        await _app.ClickAsync(Approver, SlackActions.Id(ViewVerbs.Approve), id, channel, ts);
        await _app.OutboxDrainedAsync();
        var updatesBefore = _app.Slack.CallsTo("chat.update").Count;

        await _app.ClickAsync(Approver, SlackActions.Id(ViewVerbs.Reject), id, channel, ts);
        await _app.ClickAsync(Approver, SlackActions.Id(ViewVerbs.Approve), id, channel, ts);

        Assert.Empty(_app.Slack.CallsTo("views.open"));
        Assert.Contains("already approved", LastAnswerTo(Approver));
        var redraws = _app.Slack.CallsTo("chat.update").Skip(updatesBefore).ToList();
        Assert.NotEmpty(redraws);
        Assert.All(redraws, r => Assert.Contains("Approved by <@U0007>", Said(r.Json)));
        var balance = await _app.BalanceAsync(Requester);
        Assert.Equal((0, 20), (balance.Balance.Held, balance.Balance.Spent));
    }

    [Fact]
    public async Task TwoApproversClickingAtOnceMakeExactlyOneDecision()
    {
        await _app.CommandAsync("U0009", "admin approver add <@U0008>");
        var (id, channel, ts) = await RedeemAsync();

        await Task.WhenAll(
            _app.ClickAsync(Approver, SlackActions.Id(ViewVerbs.Approve), id, channel, ts),
            _app.ClickAsync("U0008", SlackActions.Id(ViewVerbs.Approve), id, channel, ts));

        var redemption = await RedemptionAsync(id);
        Assert.Equal(RedemptionState.Approved, redemption.State);
        Assert.Contains(redemption.DecidedBy!.Value.Value, new[] { Approver, "U0008" });
        var balance = await _app.BalanceAsync(Requester);
        Assert.Equal((0, 20, 30), (balance.Balance.Held, balance.Balance.Spent, balance.Balance.Available));
        await _app.OutboxDrainedAsync();
        Assert.Single(_app.Slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == "DU0002" && c.Body.Contains("approved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADoubleClickedRedeemHoldsOnlyOnce()
    {
        await Task.WhenAll(
            _app.ClickAsync(Requester, SlackActions.Id(ViewVerbs.Redeem), _rewardId, Channel, "1700000000.000042", ephemeral: true),
            _app.ClickAsync(Requester, SlackActions.Id(ViewVerbs.Redeem), _rewardId, Channel, "1700000000.000042", ephemeral: true));

        Assert.Equal(20, (await _app.BalanceAsync(Requester)).Balance.Held);
        await _app.OutboxDrainedAsync();
        Assert.Single(_app.Slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == "DU0007");
    }

    [Fact]
    public async Task TheRequesterCanCancelWhilePending()
    {
        var (id, channel, ts) = await RedeemAsync();
        var requested = _app.Slack.CallsTo($"response_url.{Requester}").Last();
        Assert.Equal([(SlackActions.Id(ViewVerbs.Cancel), id)], Buttons(requested.Json));

        await _app.ClickAsync(Requester, SlackActions.Id(ViewVerbs.Cancel), id, Channel, "1700000000.000001", ephemeral: true);

        Assert.Contains("cancelled", LastAnswerTo(Requester));
        Assert.Equal((0, 50), ((await _app.BalanceAsync(Requester)).Balance.Held, (await _app.BalanceAsync(Requester)).Balance.Available));
        var update = await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == ts && c.Arg("channel") == channel);
        Assert.Contains("Cancelled", Said(update.Json));
    }

    [Fact]
    public async Task ACancelButtonPostedBeforeTheSharedVerbsStillCancels()
    {
        var (id, _, _) = await RedeemAsync();

        await _app.ClickAsync(Requester, "kudos_cancel_redemption", id, Channel, "1700000000.000001", ephemeral: true);

        Assert.Contains("cancelled", LastAnswerTo(Requester));
        Assert.Equal(0, (await _app.BalanceAsync(Requester)).Balance.Held);
    }

    [Fact]
    public async Task NotEnoughPointsIsRefusedAndNothingIsHeld()
    {
        await _app.CommandAsync("U0009", "admin reward add \"Team lunch\" 200");

        var reply = await _app.CommandAsync(Requester, "redeem Team lunch");

        Assert.Contains("points", Said(reply));
        Assert.Equal(0, (await _app.BalanceAsync(Requester)).Balance.Held);
        Assert.Equal(0, await _app.PendingPostsAsync());
    }

    [Fact]
    public async Task AnUnknownRewardIsExplainedWithAnExample()
    {
        var reply = await _app.CommandAsync(Requester, "redeem unicorn ride");

        Assert.Contains("There is no reward called \"unicorn ride\"", Said(reply));
        Assert.Contains("/kudos redeem", Said(reply));
        Assert.Equal(0, (await _app.BalanceAsync(Requester)).Balance.Held);
    }

    [Fact]
    public async Task OnlyAdminsRunAdminCommands()
    {
        var reply = await _app.CommandAsync("U0001", "admin reward add \"Free day\" 1");

        Assert.Contains("Only workspace admins can do that", Said(reply));
        Assert.Single(await _app.Host.Services.GetRequiredService<ILedger>().GetRewardsAsync(Workspace, CancellationToken.None));
    }

    [Fact]
    public async Task AnAdminListedInConfigurationIsAnAdminToo()
    {
        await using var app = await SlackAppDriver.StartAsync(new Dictionary<string, string?> { ["Slack:AdminUserIds:0"] = "U0005" });

        var reply = await app.CommandAsync("U0005", "admin reward add \"Free day\" 1");

        Assert.Contains("Added the reward", Said(reply));
    }
}
