using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Views;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// Slack wants an interaction acked within 3 seconds. Clicks and modal submissions are acked at once; the decision,
/// the card redraw and the reply follow, so a slow <c>chat.update</c> never holds the ack.
/// </summary>
public sealed class AcknowledgingSlackInteractions : IAsyncLifetime
{
    private const string Requester = "U0002";
    private const string Approver = "U0007";

    // Far past Slack's 3 s: an ack that waited for the held chat.update would not come back in this time at all.
    private static readonly TimeSpan AckLimit = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _slowUpdate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SlackAppDriver _app = null!;
    private string _rewardId = null!;

    public async Task InitializeAsync()
    {
        _app = await SlackAppDriver.StartAsync();
        await _app.CommandAsync("U0009", "admin reward add \"Extra break\" 20");
        await _app.CommandAsync("U0009", "admin approver add <@U0007>");
        await _app.CommandAsync("U0001", "<@U0002> +50 for carrying the whole queue today");
        _rewardId = Assert.Single(await Ledger.GetRewardsAsync(Workspace, CancellationToken.None)).Id;
        await _app.OutboxDrainedAsync();
    }

    public async Task DisposeAsync()
    {
        _slowUpdate.TrySetResult();
        await _app.DisposeAsync();
    }

    private ILedger Ledger => _app.Host.Services.GetRequiredService<ILedger>();

    private async Task<(string Id, string Channel, string Ts)> RedeemAsync()
    {
        await _app.ClickAsync(Requester, SlackActions.Id(ViewVerbs.Redeem), _rewardId, Channel, "1700000000.000001", ephemeral: true);
        var card = await _app.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == "DU0007" && c.Body.Contains(SlackActions.Id(ViewVerbs.Approve), StringComparison.Ordinal));
        var id = card.Json.GetProperty("blocks").ToString().Split("\"value\":\"")[1].Split('"')[0];
        return (id, card.ResponseJson.GetProperty("channel").GetString()!, card.ResponseJson.GetProperty("ts").GetString()!);
    }

    [Fact]
    public async Task AnApproveClickIsAckedWhileTheCardUpdateIsStillWaitingOnSlack()
    {
        var (id, channel, ts) = await RedeemAsync();
        _app.Slack.Hold("chat.update", _slowUpdate.Task);

        var ack = await _app.ClickAsync(Approver, SlackActions.Id(ViewVerbs.Approve), id, channel, ts, ackOnly: true).WaitAsync(AckLimit);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("", await ack.Content.ReadAsStringAsync());
        // The redraw is under way (Slack has the call) but not answered: the ack did not wait for it.
        await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == ts);
        _slowUpdate.SetResult();
        await _app.FollowUpsDoneAsync();
        Assert.Contains("Approved by <@U0007>", Said(Assert.Single(_app.Slack.CallsTo("chat.update"), c => c.Arg("ts") == ts).Json));
        var redemption = await Ledger.GetRedemptionAsync(Workspace, id, CancellationToken.None);
        Assert.Equal(RedemptionState.Approved, redemption!.State);
        var balance = await _app.BalanceAsync(Requester);
        Assert.Equal((0, 20, 30), (balance.Balance.Held, balance.Balance.Spent, balance.Balance.Available));
    }

    [Fact]
    public async Task ARejectSubmissionIsAckedWhileTheCardUpdateIsStillWaitingOnSlack()
    {
        var (id, channel, ts) = await RedeemAsync();
        await _app.ClickAsync(Approver, SlackActions.Id(ViewVerbs.Reject), id, channel, ts);
        var view = (await _app.Slack.WaitForCallAsync("views.open")).Json.GetProperty("view");
        _app.Slack.Hold("chat.update", _slowUpdate.Task);

        var ack = await _app.SubmitViewAsync(Approver, view, "Budget freeze until January", ackOnly: true).WaitAsync(AckLimit);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("", await ack.Content.ReadAsStringAsync());
        await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == ts);
        _slowUpdate.SetResult();
        await _app.FollowUpsDoneAsync();
        Assert.Contains("Rejected by <@U0007>", Said(Assert.Single(_app.Slack.CallsTo("chat.update"), c => c.Arg("ts") == ts).Json));
        Assert.Equal(RedemptionState.Rejected, (await Ledger.GetRedemptionAsync(Workspace, id, CancellationToken.None))!.State);
        Assert.Equal(
            (0, 0, 50), ((await _app.BalanceAsync(Requester)).Balance.Held, (await _app.BalanceAsync(Requester)).Balance.Spent,
            (await _app.BalanceAsync(Requester)).Balance.Available));
    }

    [Fact]
    public async Task AGracefulStopWaitsForAClickThatIsStillBeingAnswered()
    {
        var (id, channel, ts) = await RedeemAsync();
        _app.Slack.Hold("chat.update", _slowUpdate.Task);
        await _app.ClickAsync(Approver, SlackActions.Id(ViewVerbs.Approve), id, channel, ts, ackOnly: true).WaitAsync(AckLimit);
        await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == ts);
        var followUps = _app.Host.Services.GetRequiredService<SlackFollowUps>();
        // Taken before the stop: the host's services are disposed once it has stopped.
        var ledger = Ledger;

        var stopping = _app.Host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHost>().StopAsync();
        var stoppedEarly = stopping.IsCompleted;
        _slowUpdate.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(stoppedEarly);
        Assert.Equal(0, followUps.Running);
        Assert.Equal(RedemptionState.Approved, (await ledger.GetRedemptionAsync(Workspace, id, CancellationToken.None))!.State);
    }
}
