using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecognitionBot.Core.Views;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// The add-on buttons on a celebration and the Undo button on the giver's confirmation, clicked through signed
/// block_actions: the ledger changes in one transaction, the posted celebration and DMs are redrawn in place with
/// chat.update, and every refusal leaves the partition exactly as it was.
/// </summary>
public sealed class AddingOnAndUndoingInSlack : IAsyncLifetime
{
    private const string Giver = "U0001", Recipient = "U0002", Adder = "U0003";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync() => _app = await SlackAppDriver.StartAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Ann recognises Bob with 10 points; returns the kudos reference and the celebration's ts once everything is posted.</summary>
    private async Task<(string Kudos, string CelebrationTs)> GiveAsync(string text = "<@U0002> +10 thanks for taking that angry escalation")
    {
        var reply = await _app.AnswerAsync(Giver, text);
        var kudos = ButtonValue(reply, SlackActions.Id(ViewVerbs.Undo));
        var celebration = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == Channel);
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0002");
        await _app.OutboxDrainedAsync();
        // Where the posts went is recorded right after they are made.
        await Task.Delay(200);
        return (kudos, celebration.ResponseJson.GetProperty("ts").GetString()!);
    }

    private Task AddOnAsync(string user, string kudos, int points, string ts) =>
        _app.ClickAsync(user, SlackActions.Id(ViewVerbs.AddOn, points), ViewVerbs.WithAmount(kudos, points), Channel, ts);

    private Task UndoAsync(string user, string kudos) =>
        _app.ClickAsync(user, SlackActions.Id(ViewVerbs.Undo), kudos, Channel, "1700000000.000009", ephemeral: true);

    private string LastAnswerTo(string user) => Said(_app.Slack.CallsTo($"response_url.{user}")[^1].Json);

    [Fact]
    public async Task AThirdPersonsAddOnRedrawsTheCelebrationMovesBothBalancesAndTellsTheRecipient()
    {
        var (kudos, ts) = await GiveAsync();
        var celebration = _app.PostsTo(Channel).Single().Json;
        Assert.Equal([SlackActions.Id(ViewVerbs.AddOn, 1), SlackActions.Id(ViewVerbs.AddOn, 5), SlackActions.Id(ViewVerbs.AddOn, 10)],
            ActionIds(celebration));

        await AddOnAsync(Adder, kudos, 5, ts);

        var update = await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == ts);
        Assert.Equal(Channel, update.Arg("channel"));
        Assert.Contains("+5 from <@U0003>", Said(update.Json));
        Assert.Equal(15, (await _app.BalanceAsync(Recipient)).Balance.Available);
        Assert.Equal(95, (await _app.BalanceAsync(Adder)).Allowance.Left);
        Assert.Equal(90, (await _app.BalanceAsync(Giver)).Allowance.Left);
        var dm = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0002" && c.Body.Contains("added", StringComparison.Ordinal));
        Assert.Contains("<@U0003> added 5 points", Said(dm.Json));
        Assert.Contains("got 5 more points from you", LastAnswerTo(Adder));
    }

    [Fact]
    public async Task TheGiverAndTheRecipientAreRefusedWithWhyAndNothingChanges()
    {
        var (kudos, ts) = await GiveAsync();
        var before = await _app.PartitionAsync();

        await AddOnAsync(Giver, kudos, 5, ts);
        Assert.Contains("your own kudos", LastAnswerTo(Giver));
        await AddOnAsync(Recipient, kudos, 5, ts);
        Assert.Contains("This kudos is for you", LastAnswerTo(Recipient));

        Assert.Equal(before, await _app.PartitionAsync());
        Assert.Empty(_app.Slack.CallsTo("chat.update"));
    }

    [Fact]
    public async Task ADoubleClickAddsOnce()
    {
        var (kudos, ts) = await GiveAsync();

        await Task.WhenAll(AddOnAsync(Adder, kudos, 5, ts), AddOnAsync(Adder, kudos, 5, ts));
        await AddOnAsync(Adder, kudos, 10, ts);

        await _app.OutboxDrainedAsync();
        Assert.Equal(15, (await _app.BalanceAsync(Recipient)).Balance.Available);
        Assert.Equal(95, (await _app.BalanceAsync(Adder)).Allowance.Left);
        Assert.Single(_app.Slack.CallsTo("chat.update"), c => c.Arg("ts") == ts);
    }

    [Fact]
    public async Task AnAddOnBeyondTheAddersAllowanceIsRefusedAndChangesNothing()
    {
        Assert.Contains("Sent!", Said(await _app.CommandAsync(Adder, "<@U0004> <@U0005> +50 carried the whole queue this month")));
        await _app.OutboxDrainedAsync();
        var (kudos, ts) = await GiveAsync();
        var before = await _app.PartitionAsync();

        await AddOnAsync(Adder, kudos, 5, ts);

        Assert.Contains("You have 0 points left to give", LastAnswerTo(Adder));
        Assert.Equal(before, await _app.PartitionAsync());
    }

    [Fact]
    public async Task UndoWithinAMinuteGivesEverythingBackAndMarksTheCelebrationAndDmWithdrawn()
    {
        var (kudos, ts) = await GiveAsync();
        var dmTs = _app.Slack.CallsTo("chat.postMessage").Single(c => c.Arg("channel") == "DU0002").ResponseJson.GetProperty("ts").GetString();
        _clock.Advance(TimeSpan.FromSeconds(50));

        await UndoAsync(Giver, kudos);

        Assert.Equal(0, (await _app.BalanceAsync(Recipient)).Balance.Earned);
        Assert.Equal(100, (await _app.BalanceAsync(Giver)).Allowance.Left);
        var celebration = await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == ts);
        Assert.Contains("withdrawn by", Said(celebration.Json));
        Assert.DoesNotContain("angry escalation", Said(celebration.Json));
        Assert.Empty(ActionIds(celebration.Json));
        var dm = await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == dmTs);
        Assert.Equal("DU0002", dm.Arg("channel"));
        Assert.Contains("withdrawn by", Said(dm.Json));
        var answer = _app.Slack.CallsTo("response_url.U0001")[^1].Json;
        Assert.True(answer.GetProperty("replace_original").GetBoolean());
        Assert.Contains("Undone: the 10 points are back", Said(answer));
        // The history says what happened, on both sides.
        Assert.Contains("taken back", Said(await _app.CommandAsync(Recipient, "history")));
        Assert.Contains("back to your allowance", Said(await _app.CommandAsync(Giver, "history")));
    }

    [Fact]
    public async Task AnUndoBeforeThePostsAreMadeDropsThem()
    {
        // Slack throttles both posts: they wait in the outbox, due in 30 seconds.
        _app.Slack.Script("chat.postMessage", FakeResponse.RateLimited(30), FakeResponse.RateLimited(30));
        var reply = await _app.AnswerAsync(Giver, "<@U0002> +10 thanks for the quick save on the call");
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0002");
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == Channel);
        await Task.Delay(300);
        Assert.Equal(2, await _app.PendingPostsAsync());

        await UndoAsync(Giver, ButtonValue(reply, SlackActions.Id(ViewVerbs.Undo)));

        Assert.Equal(0, await _app.PendingPostsAsync());
        Assert.Equal(0, (await _app.BalanceAsync(Recipient)).Balance.Earned);
        Assert.Equal(100, (await _app.BalanceAsync(Giver)).Allowance.Left);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(500);
        Assert.Equal(2, _app.Slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task UndoAfterAMinuteIsRefusedWithWhyAndNothingChanges()
    {
        var (kudos, _) = await GiveAsync();
        _clock.Advance(TimeSpan.FromSeconds(61));
        var before = await _app.PartitionAsync();

        await UndoAsync(Giver, kudos);

        Assert.Contains("only in the first 60 seconds", LastAnswerTo(Giver));
        Assert.Equal(before, await _app.PartitionAsync());
        Assert.Equal(10, (await _app.BalanceAsync(Recipient)).Balance.Available);
        Assert.Empty(_app.Slack.CallsTo("chat.update"));
    }

    [Fact]
    public async Task SomeoneElsesUndoIsRefusedAndNothingChanges()
    {
        var (kudos, _) = await GiveAsync();
        var before = await _app.PartitionAsync();

        await UndoAsync(Adder, kudos);

        Assert.Contains("Only the person who gave a kudos can undo it", LastAnswerTo(Adder));
        Assert.Equal(before, await _app.PartitionAsync());
    }

    private static string ButtonValue(JsonElement message, string actionId) =>
        Buttons(message).First(b => b.GetProperty("action_id").GetString() == actionId).GetProperty("value").GetString()!;

    private static List<string> ActionIds(JsonElement message) => [.. Buttons(message).Select(b => b.GetProperty("action_id").GetString()!)];

    private static IEnumerable<JsonElement> Buttons(JsonElement message) =>
        message.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray());
}
