using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecognitionBot.Core.Awards;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Views;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Awards;

/// <summary>
/// Nominations by <c>/kudos nominate</c>, the month's card to the approvers, and the winner chosen from its select, through
/// Slack's wire format.
/// </summary>
public sealed class AwardsInSlack : IAsyncLifetime
{
    private const string Approver = "U0007", OtherApprover = "U0008", Celebrations = "C0CELEBRATE";

    // The app's clock starts at the real time (requests are signed now) and moves on to the next month; later requests
    // are signed at the app's time.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SlackAppDriver.StartAsync(
            new Dictionary<string, string?> { ["Digest:Interval"] = "1.00:00:00" }, s => s.AddSingleton<TimeProvider>(_clock));
        await _app.CommandAsync("U0009", $"admin approver add <@{Approver}>");
        await _app.CommandAsync("U0009", $"admin approver add <@{OtherApprover}>");
        await _app.CommandAsync("U0009", "admin celebrations here", channel: Celebrations);
        await _app.CommandAsync("U0009", "admin reward add \"Gift card\" 200 --stock 3");
        await _app.CommandAsync("U0001", "<@U0002> +10 for the calmest outage bridge ever #empathy");
        await _app.OutboxDrainedAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task NextMonthAsync()
    {
        var now = _clock.GetUtcNow();
        _clock.SetUtcNow(new DateTimeOffset(now.Year, now.Month, 1, 0, 5, 0, TimeSpan.Zero).AddMonths(1));
        await _app.Host.Services.GetRequiredService<AwardPublisher>().PublishDueAsync(CancellationToken.None);
    }

    private async Task<(string Channel, string Ts, JsonElement Card)> CardAsync(string approver)
    {
        var card = await _app.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == "D" + approver && c.Body.Contains(SlackActions.Id(ViewVerbs.Award), StringComparison.Ordinal));
        return (card.ResponseJson.GetProperty("channel").GetString()!, card.ResponseJson.GetProperty("ts").GetString()!, card.Json);
    }

    private static IEnumerable<(string Label, string Value)> Options(JsonElement card) =>
        card.GetProperty("blocks").EnumerateArray().Where(b => b.TryGetProperty("accessory", out var a) && a.GetProperty("type").GetString() == "static_select")
            .SelectMany(b => b.GetProperty("accessory").GetProperty("options").EnumerateArray())
            .Select(o => (o.GetProperty("text").GetProperty("text").GetString()!, o.GetProperty("value").GetString()!));

    /// <summary>An option chosen in the card's select, as Slack posts it (signed at the app's time).</summary>
    private async Task<HttpResponseMessage> ChooseAsync(string user, string value, string channel, string ts)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = Team },
            ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "acme" },
            ["api_app_id"] = "A0001",
            ["trigger_id"] = $"trig-{Guid.NewGuid():N}",
            ["response_url"] = new Uri(_app.Slack.BaseUrl, $"api/response_url.{user}").AbsoluteUri,
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = channel, ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = channel },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "static_select",
                ["action_id"] = SlackActions.Id(ViewVerbs.Award),
                ["block_id"] = "b1",
                ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "x" }, ["value"] = value },
                ["action_ts"] = "1700000000.000100",
            }),
        };
        var ack = await _app.Host.PostFormAsync("/slack/interactions", new Dictionary<string, string> { ["payload"] = payload.ToJsonString() },
            timestamp: _clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await _app.FollowUpsDoneAsync();
        return ack;
    }

    [Fact]
    public async Task ANominationIsConfirmedPrivatelyAndTheNomineeHearsNothing()
    {
        var answer = await _app.CommandAsync("U0001", "nominate <@U0002> calm with every angry caller", channel: Channel);

        Assert.Contains("You nominated", Said(answer));
        Assert.Contains("private", Said(answer));
        await _app.OutboxDrainedAsync();
        Assert.DoesNotContain(_app.Slack.CallsTo("chat.postMessage"), c => c.Body.Contains("nominat", StringComparison.OrdinalIgnoreCase));
        var twice = await _app.CommandAsync("U0001", "nominate <@U0002> again", channel: Channel);
        Assert.Contains("already nominated", Said(twice));
        Assert.Contains("cannot nominate yourself", Said(await _app.CommandAsync("U0003", "nominate <@U0003> me me me")));
        Assert.Contains("/kudos nominate @colleague", Said(await _app.CommandAsync("U0003", "nominate <@U0002>")));
    }

    [Fact]
    public async Task TheApproversGetTheCardAndTheFirstChoiceCelebratesTheWinnerWithAFreeReward()
    {
        await _app.CommandAsync("U0001", "nominate <@U0002> calm with every angry caller");
        await _app.CommandAsync("U0003", "nominate <@U0002> covered my shift");
        await _app.CommandAsync("U0004", "nominate <@U0005> fixed the IVR menu");
        var rewardsBefore = await _app.Host.Services.GetRequiredService<ILedger>().GetRewardsAsync(Workspace, CancellationToken.None);

        await NextMonthAsync();
        var (channel, ts, card) = await CardAsync(Approver);
        var (otherChannel, otherTs, _) = await CardAsync(OtherApprover);

        Assert.Contains("calm with every angry caller", Said(card));
        Assert.Contains("2 nominations", Said(card));
        var options = Options(card).ToList();
        Assert.Contains(options, o => o.Label == "Gift card");
        var withGift = options.First(o => o.Label == "Gift card" && o.Value.Contains("|U0002|", StringComparison.Ordinal)).Value;

        // Someone who is no approver: refused, nothing changes.
        await ChooseAsync("U0003", withGift, channel, ts);
        Assert.Contains("Only the workspace approvers", Said(_app.Slack.CallsTo("response_url.U0003").Last().Json));
        Assert.Empty(_app.Slack.CallsTo("chat.update"));

        var ack = await ChooseAsync(Approver, withGift, channel, ts);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var redrawn = await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == ts);
        Assert.Contains("is the agent of the month", Said(redrawn.Json));
        Assert.Empty(Options(redrawn.Json));
        var other = await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == otherTs && c.Arg("channel") == otherChannel);
        Assert.Contains("chosen by", Said(other.Json));
        var celebration = await _app.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == Celebrations && c.Body.Contains("agent of the month", StringComparison.Ordinal));
        Assert.Contains("<@U0002>", Said(celebration.Json));
        Assert.DoesNotContain("calm with every angry caller", Said(celebration.Json));
        var won = await _app.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == "DU0002" && c.Body.Contains("Gift card", StringComparison.Ordinal));
        Assert.Contains("no cost to you", Said(won.Json));
        var balance = await _app.BalanceAsync("U0002");
        Assert.Equal((10, 0, 0), (balance.Balance.Available, balance.Balance.Spent, balance.Balance.Held));
        var rewards = await _app.Host.Services.GetRequiredService<ILedger>().GetRewardsAsync(Workspace, CancellationToken.None);
        Assert.Equal(rewardsBefore.Single().Stock - 1, rewards.Single().Stock);

        // The other approver, a moment later: the choice stands.
        await ChooseAsync(OtherApprover, Options(card).First(o => o.Value.Contains("|U0005|", StringComparison.Ordinal)).Value, otherChannel, otherTs);
        Assert.Contains("already chosen", Said(_app.Slack.CallsTo($"response_url.{OtherApprover}").Last().Json));
        Assert.Single(_app.Slack.CallsTo("chat.postMessage"),
            c => c.Arg("channel") == Celebrations && c.Body.Contains("agent of the month", StringComparison.Ordinal));
    }
}
