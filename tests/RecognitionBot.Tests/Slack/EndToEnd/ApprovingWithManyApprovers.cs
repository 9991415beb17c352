using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// A redemption routed to more approvers than one storage transaction can hold rows for (100): the change commits,
/// every approver gets one card, and a decision redraws every copy once. Through Slack's wire format, on Azurite.
/// </summary>
public sealed class ApprovingWithManyApprovers : IAsyncLifetime
{
    private const string Requester = "U0002";
    private static readonly string[] Approvers = Enumerable.Range(0, 150).Select(i => $"UA{i:D3}").ToArray();
    private SlackAppDriver _app = null!;
    private string _rewardId = null!;

    public async Task InitializeAsync()
    {
        // Slack's chat.update pace (50 a minute) would take three minutes for 150 copies: the test's Slack allows more.
        _app = await StartAsync(new Dictionary<string, string?> { ["Slack:UpdatesPerMinute"] = "60000" });
        string[] locales = ["en-US", "it-IT", "sv-SE"];
        for (var i = 0; i < Approvers.Length; i++) _app.Slack.AddUser(Approvers[i], locale: locales[i % 3]);
        await _app.CommandAsync("U0009", "admin reward add \"Extra break\" 20");
        await _app.CommandAsync("U0009", $"admin approver add <@{Approvers[0]}>");
        // The other 149 are arranged straight in the settings: 149 more admin commands would prove nothing new.
        await _app.Host.Services.GetRequiredService<WorkspaceStore>().UpdateAsync(Workspace,
            s => s with { Approvers = Approvers.Select(a => new MemberId(a)).ToList() }, CancellationToken.None);
        await _app.CommandAsync("U0001", "<@U0002> +50 for carrying the whole queue today");
        _rewardId = Assert.Single(await _app.Host.Services.GetRequiredService<ILedger>().GetRewardsAsync(Workspace, CancellationToken.None)).Id;
        await _app.OutboxDrainedAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private List<RecordedCall> Cards() =>
        _app.Slack.CallsTo("chat.postMessage").Where(c => c.Body.Contains(SlackActions.Id(ViewVerbs.Approve), StringComparison.Ordinal)).ToList();

    private async Task<List<RecordedCall>> WaitForAsync(Func<List<RecordedCall>> calls, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (calls().Count < count && DateTime.UtcNow < until) await Task.Delay(100);
        await _app.OutboxDrainedAsync();
        return calls();
    }

    private async Task<string> RedeemAsync()
    {
        var response = await _app.ClickAsync(Requester, SlackActions.Id(ViewVerbs.Redeem), _rewardId, Channel, "1700000000.000001", ephemeral: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = await WaitForAsync(Cards, Approvers.Length);
        Assert.Equal(Approvers.Select(a => "D" + a).Order(), cards.Select(c => c.Arg("channel")!).Order());
        var id = Assert.Single(cards.SelectMany(ApproveValues).Distinct());
        // Every card's message is remembered on the redemption, so a decision can redraw them all.
        await WaitUntilAsync(async () => (await RedemptionAsync(id)).ApprovalMessages?.Count == Approvers.Length);
        return id;
    }

    private static IEnumerable<string> ApproveValues(RecordedCall card) =>
        card.Json.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Where(e => e.GetProperty("action_id").GetString() == SlackActions.Id(ViewVerbs.Approve))
            .Select(e => e.GetProperty("value").GetString()!);

    private async Task<Redemption> RedemptionAsync(string id) =>
        (await _app.Host.Services.GetRequiredService<ILedger>().GetRedemptionAsync(Workspace, id, CancellationToken.None))!;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition never held.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task TheRedemptionCommitsAndEveryApproverGetsOneCardInTheirLanguage()
    {
        await RedeemAsync();

        Assert.Contains("held", Said(_app.Slack.CallsTo($"response_url.{Requester}").Last().Json));
        var balance = await _app.BalanceAsync(Requester);
        Assert.Equal((20, 30), (balance.Balance.Held, balance.Balance.Available));
        var cards = Cards();
        Assert.Equal(Approvers.Length, cards.Count);
        Assert.Contains("<@U0002>", Said(cards.Single(c => c.Arg("channel") == "DUA000").Json));
        Assert.DoesNotContain(cards, c => Said(c.Json).Contains("{0}", StringComparison.Ordinal));
        Assert.Equal(0, await _app.PendingPostsAsync());
    }

    [Fact]
    public async Task ADecisionRedrawsEveryCopyOnceAndTellsTheRequester()
    {
        var id = await RedeemAsync();
        var card = Cards().Single(c => c.Arg("channel") == "DUA042");

        await _app.ClickAsync("UA042", SlackActions.Id(ViewVerbs.Approve), id, card.ResponseJson.GetProperty("channel").GetString()!, card.ResponseJson.GetProperty("ts").GetString()!);

        var updates = await WaitForAsync(() => _app.Slack.CallsTo("chat.update").ToList(), Approvers.Length);
        var cardMessages = Cards().Select(c => (c.ResponseJson.GetProperty("channel").GetString(), c.ResponseJson.GetProperty("ts").GetString())).Order().ToList();
        // The clicked card is also redrawn by the click's own answer; every other copy exactly once, by the outbox.
        var clicked = (card.ResponseJson.GetProperty("channel").GetString(), card.ResponseJson.GetProperty("ts").GetString());
        Assert.Equal(cardMessages.Where(m => m != clicked), updates.Select(u => (u.Arg("channel"), u.Arg("ts"))).Where(m => m != clicked).Order().ToList());
        Assert.Contains(clicked, updates.Select(u => (u.Arg("channel"), u.Arg("ts"))));
        Assert.All(updates, u => Assert.Empty(ButtonsOf(u)));
        Assert.Equal(RedemptionState.Approved, (await RedemptionAsync(id)).State);
        var balance = await _app.BalanceAsync(Requester);
        Assert.Equal((0, 20, 30), (balance.Balance.Held, balance.Balance.Spent, balance.Balance.Available));
        Assert.Single(_app.Slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == "DU0002" && c.Body.Contains("approved", StringComparison.Ordinal));
    }

    private static IEnumerable<string> ButtonsOf(RecordedCall call) =>
        call.Json.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Select(e => e.GetProperty("action_id").GetString()!);
}
