using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Jobs;

/// <summary>
/// The outbox against a misbehaving Slack, end to end (signed commands, the fake Web API, Azurite): long throttling
/// parks nothing, one workspace's throttling does not hold up another's, a permanent refusal parks and tells
/// someone, and a graceful stop with posts in flight repeats nothing once another instance takes over.
/// </summary>
public sealed class PostingReliably : IAsyncLifetime
{
    // The app's clock, so Retry-After and backoff can pass without waiting; it starts now, as requests are signed now.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SlackAppDriver _app = null!;

    // Installs as well as the configured token (which serves T0001 only), so a second workspace can be installed.
    public async Task InitializeAsync() =>
        _app = await SlackAppDriver.StartAsync(
            new Dictionary<string,
                string?>
            { ["Slack:ClientId"] = "111.222", ["Slack:ClientSecret"] = "client-secret-value", ["Slack:RedirectUri"] = SlackInstallFlow.Redirect },
            s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private OutboxStore Outbox => _app.Host.Services.GetRequiredService<OutboxStore>();

    private IReadOnlyList<RecordedCall> Posted(string channel) =>
        [.. _app.PostsTo(channel).Where(c => c.Response is { Status: 200 } r && r.Body.Contains("\"ok\":true", StringComparison.Ordinal))];

    [Fact]
    public async Task FifteenMinutesOfThrottlingParkNothingAndEverythingIsPostedOnceAfter()
    {
        var throttled = true;
        _app.Slack.Respond("chat.postMessage", call => throttled
            ? FakeResponse.RateLimited(60)
            : FakeResponse.Ok(new JsonObject { ["channel"] = call.Arg("channel"), ["ts"] = $"{Guid.NewGuid():N}" }));
        for (var i = 1; i <= 3; i++) await _app.CommandAsync("U0001", $"<@U0002> +1 for shift {i} of the outage");
        await _app.Slack.WaitForCallAsync("chat.postMessage");

        // Fifteen minutes pass on the app's clock in steps, as they would: every Retry-After that passes brings the
        // posts back, to be throttled again, and none is ever parked.
        // At least fifteen fake minutes, and until the retries have been seen (a loaded machine may lag the clock's steps).
        var start = _clock.GetUtcNow();
        var realDeadline = DateTime.UtcNow.AddSeconds(60);
        while ((_clock.GetUtcNow() - start < TimeSpan.FromMinutes(15) || _app.Slack.CallsTo("chat.postMessage").Count <= 4)
               && DateTime.UtcNow < realDeadline)
        {
            _clock.Advance(TimeSpan.FromSeconds(15));
            await Task.Delay(200);
            Assert.Equal(0, (await Outbox.SummarizeAsync(Workspace, CancellationToken.None)).Parked);
        }
        // The first round tries one post per conversation (two); more means they came back after their Retry-After.
        Assert.True(_app.Slack.CallsTo("chat.postMessage").Count > 4, "throttled posts are tried again after their Retry-After");
        Assert.Empty(Posted(Channel));
        throttled = false;
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!(Posted(Channel).Count == 3 && Posted("DU0002").Count == 3) && DateTime.UtcNow < until)
        {
            _clock.Advance(TimeSpan.FromSeconds(15));
            await Task.Delay(200);
        }

        await WaitUntilAsync(() => Posted(Channel).Count == 3 && Posted("DU0002").Count == 3);
        await _app.OutboxDrainedAsync();
        Assert.Equal(3, Posted(Channel).Select(c => Said(c.Json)).Distinct().Count());
        Assert.Equal(3, Posted("DU0002").Select(c => Said(c.Json)).Distinct().Count());
        var summary = await Outbox.SummarizeAsync(Workspace, CancellationToken.None);
        Assert.Equal((0, 0), (summary.Waiting, summary.Parked));
    }

    [Fact]
    public async Task AThrottledWorkspaceDoesNotHoldUpAnothersPosts()
    {
        SlackInstallFlow.SlackKnowsCode(_app.Slack, "code-t2", "T0002", "xoxb-second-team");
        await SlackInstallFlow.InstallAsync(_app.Host, "code-t2");
        foreach (var id in new[] { "U0101", "U0102" }) _app.Slack.AddUser(id, team: "T0002");
        // Team T0001's channel is throttled for good (its Retry-After never passes on the app's clock).
        _app.Slack.Respond("chat.postMessage", call => call.Arg("channel") == Channel
            ? FakeResponse.RateLimited(20)
            : FakeResponse.Ok(new JsonObject { ["channel"] = call.Arg("channel"), ["ts"] = $"{Guid.NewGuid():N}" }));
        await _app.CommandAsync("U0001", "<@U0002> +1 for the calm voice on the bridge");
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == Channel);

        var response = await _app.Host.CommandAsync("<@U0102> +1 for covering my shift", "U0101", "C0002", "T0002");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var other = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "C0002");
        Assert.Contains("covering my shift", Said(other.Json));
        Assert.Empty(Posted(Channel));
    }

    [Fact]
    public async Task ACelebrationTheChannelRefusesIsParkedTheGiverToldAndAdminsCanRetryIt()
    {
        var refusing = true;
        _app.Slack.Respond("chat.postMessage", call => refusing && call.Arg("channel") == Channel
            ? FakeResponse.Error("not_in_channel")
            : FakeResponse.Ok(new JsonObject { ["channel"] = call.Arg("channel"), ["ts"] = $"{Guid.NewGuid():N}" }));

        await _app.CommandAsync("U0001", "<@U0002> +5 for the spotless handover notes");

        var told = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0001");
        Assert.Contains("could not post its celebration in <#C0001>", Said(told.Json));
        await _app.OutboxDrainedAsync(parked: 1);
        var outbox = Said(await _app.CommandAsync("U0009", "admin outbox"));
        Assert.Contains("0 posts waiting to be sent, 1 parked", outbox);
        Assert.Contains("a celebration", outbox);
        Assert.Contains("not_in_channel", outbox);
        Assert.Contains("Only workspace admins", Said(await _app.CommandAsync("U0002", "admin outbox retry")));

        refusing = false;
        var retried = Said(await _app.CommandAsync("U0009", "admin outbox retry"));

        Assert.Contains("1 parked post is being sent again", retried);
        var celebration = await _app.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == Channel && c.Response!.Body.Contains("\"ok\":true", StringComparison.Ordinal));
        Assert.Contains("spotless handover notes", Said(celebration.Json));
        await _app.OutboxDrainedAsync();
        Assert.Single(_app.PostsTo("DU0001"));
    }

    [Fact]
    public async Task AnApprovalCardThatCannotReachTheManagerGoesToTheWorkspaceApprovers()
    {
        await _app.CommandAsync("U0009", "admin reward add \"Extra break\" 20");
        await _app.CommandAsync("U0009", "admin approver add <@U0009>");
        await _app.CommandAsync("U0009", "admin manager <@U0002> <@U0003>");
        await _app.CommandAsync("U0001", "<@U0002> +50 for carrying the whole queue today");
        await _app.OutboxDrainedAsync();
        _app.Slack.Respond("chat.postMessage", call => call.Arg("channel") == "DU0003"
            ? FakeResponse.Error("account_inactive")
            : FakeResponse.Ok(new JsonObject { ["channel"] = call.Arg("channel"), ["ts"] = $"{Guid.NewGuid():N}" }));

        await _app.CommandAsync("U0002", "redeem Extra break");

        var card = await _app.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == "DU0009" && c.Body.Contains("Extra break", StringComparison.Ordinal));
        Assert.Contains("<@U0002>", Said(card.Json));
        var told = await _app.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == "DU0002" && c.Body.Contains("could not reach", StringComparison.Ordinal));
        Assert.Contains("<@U0003>", Said(told.Json));
        Assert.Contains("workspace approvers", Said(told.Json));
    }

    [Fact]
    public async Task AGracefulStopWithPostsInFlightRepeatsNothingWhenAnotherInstanceTakesOver()
    {
        // A slow Slack: every answer takes a while, so the stop finds posts in flight and others not yet started.
        _app.Slack.Latency = TimeSpan.FromMilliseconds(300);
        for (var i = 1; i <= 6; i++) await _app.CommandAsync("U0001", $"<@U0002> +1 for ticket {i} closed before lunch");
        await _app.Slack.WaitForCallAsync("chat.postMessage");

        await _app.Host.Factory.DisposeAsync();
        var next = await SlackTestHost.StartAsync(slack: _app.Slack, tablePrefix: _app.Host.TablePrefix);
        try
        {
            await WaitUntilAsync(() => _app.PostsTo(Channel).Count >= 6 && _app.PostsTo("DU0002").Count >= 6, TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromSeconds(1)); // anything repeated would be on its way by now
            Assert.Equal(6, _app.PostsTo(Channel).Select(c => Said(c.Json)).Distinct().Count());
            Assert.Equal(6, _app.PostsTo(Channel).Count);
            Assert.Equal(6, _app.PostsTo("DU0002").Count);
        }
        finally
        {
            next.Client.Dispose();
            await next.Factory.DisposeAsync();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> done, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30)); // generous: the machine may be busy
        while (!done())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The expected posts did not arrive.");
            await Task.Delay(50);
        }
    }
}
