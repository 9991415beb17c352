using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecognitionBot.Core.Digests;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>The weekly digest of a subscribed Slack channel, and the recognition-gaps note to its approvers.</summary>
public sealed class WeeklyDigestInSlack : IAsyncLifetime
{
    // The app's clock, so the week can move on without waiting: it starts at the real time (requests are signed now).
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SlackAppDriver _app = null!;

    // The hosted scheduler ticks once at start and then not for a (fake) day: the tests run each tick themselves.
    public async Task InitializeAsync() =>
        _app = await SlackAppDriver.StartAsync(
            new Dictionary<string, string?> { ["Digest:Interval"] = "1.00:00:00" }, s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheChannelGetsItsDigestAndApproversLearnWhoWentUnrecognised()
    {
        _app.Slack.ChannelMembers[Channel] = ["U0001", "U0002", "U0003", "U0004", "UDEPLOYBOT"];
        await _app.CommandAsync("U0009", "admin approver add <@U0009>");
        await _app.CommandAsync("U0001", "<@U0002> +10 for the calmest outage bridge ever #ownership");
        // Due a minute after that kudos; two minutes later it is due and the kudos falls in its week.
        var due = _clock.GetUtcNow().AddMinutes(1);
        await _app.CommandAsync("U0009", $"digest on {due.DayOfWeek.ToString().ToLowerInvariant()} {due:HH:mm} UTC");
        _clock.Advance(TimeSpan.FromMinutes(2));

        await _app.Host.Services.GetRequiredService<DigestPublisher>().PublishDueAsync(CancellationToken.None);

        var digest = await _app.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == Channel && c.Body.Contains("This week in kudos", StringComparison.Ordinal));
        Assert.Contains("<@U0002>", Said(digest.Json));
        Assert.Contains("for the calmest outage bridge ever", Said(digest.Json));
        var gaps = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0009");
        var note = Said(gaps.Json);
        Assert.Contains("<#C0001>", note);
        Assert.Contains("<@U0001>", note);
        Assert.Contains("<@U0003>", note);
        Assert.Contains("<@U0004>", note);
        Assert.DoesNotContain("<@U0002>", note);
        Assert.DoesNotContain("UDEPLOYBOT", note);
    }

    [Fact]
    public async Task TheGapsNotesSurpriseButtonOpensTheComposerWithThatPersonChosen()
    {
        await _app.CommandAsync("U0009", "admin approver add <@U0009>");
        await _app.CommandAsync("U0009", "admin role manager <@U0009>");
        await DigestDueAsync();
        await _app.Host.Services.GetRequiredService<DigestPublisher>().PublishDueAsync(CancellationToken.None);
        var gaps = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0009");
        var surprise = gaps.Json.GetProperty("blocks").EnumerateArray()
            .Where(b => b.TryGetProperty("accessory", out _))
            .Select(b => b.GetProperty("accessory"))
            .Single(a => a.GetProperty("value").GetString() == "for:U0003");
        Assert.Equal("Send a surprise kudos", surprise.GetProperty("text").GetProperty("text").GetString());
        var since = DateTimeOffset.UtcNow;

        await _app.ClickAsync("U0009", surprise.GetProperty("action_id").GetString()!, "for:U0003", "DU0009",
            gaps.ResponseJson.GetProperty("ts").GetString()!);

        var view = await _app.OpenedViewAsync(since);
        var recipients = view.GetProperty("blocks").EnumerateArray().Single(b => b.TryGetProperty("block_id", out var id) && id.GetString() == "recipients");
        Assert.Equal(["U0003"], recipients.GetProperty("element").GetProperty("initial_users").EnumerateArray().Select(u => u.GetString()));
        // The manager's allowance, which exists for exactly this.
        Assert.Contains("500", Said(view));
    }

    private static readonly string[] RosterMethods = ["conversations.members", "users.info"];

    private int RosterCalls() => _app.Slack.Calls.Count(c => RosterMethods.Contains(c.Method));

    private int DigestPosts() =>
        _app.Slack.CallsTo("chat.postMessage").Count(c => c.Arg("channel") == Channel && c.Body.Contains("This week in kudos", StringComparison.Ordinal));

    /// <summary>A channel with an approver and a digest due two minutes ago (the app's clock moved on).</summary>
    private async Task DigestDueAsync()
    {
        _app.Slack.ChannelMembers[Channel] = ["U0001", "U0002", "U0003", "U0004"];
        await _app.CommandAsync("U0009", "admin approver add <@U0009>");
        await _app.CommandAsync("U0001", "<@U0002> +10 for the calmest outage bridge ever");
        var due = _clock.GetUtcNow().AddMinutes(1);
        await _app.CommandAsync("U0009", $"digest on {due.DayOfWeek.ToString().ToLowerInvariant()} {due:HH:mm} UTC");
        _clock.Advance(TimeSpan.FromMinutes(2));
    }

    /// <summary>What the scheduler does on each tick, a minute apart on the app's clock.</summary>
    private async Task TicksAsync(int count)
    {
        var publisher = _app.Host.Services.GetRequiredService<DigestPublisher>();
        for (var i = 0; i < count; i++)
        {
            await publisher.PublishDueAsync(CancellationToken.None);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        await _app.OutboxDrainedAsync();
    }

    [Fact]
    public async Task OnceThisWeeksDigestIsOutNoTickReadsTheRosterOrRebuildsIt()
    {
        await DigestDueAsync();
        await TicksAsync(1);
        Assert.Equal(1, DigestPosts());
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0009");
        var rosterCallsAfterThePost = RosterCalls();
        Assert.True(rosterCallsAfterThePost > 0, "the gap note was built without reading the roster");

        await TicksAsync(30);

        Assert.Equal(rosterCallsAfterThePost, RosterCalls());
        Assert.Equal(1, DigestPosts());
        Assert.Single(_app.Slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == "DU0009");
    }

    [Fact]
    public async Task AThrottledRosterStillLetsTheDigestOutAndTheGapNoteFollowsLater()
    {
        await DigestDueAsync();
        // Longer than the client waits inline (Slack:MaxRetryAfter): each of these fails a roster read at once.
        _app.Slack.Script("conversations.members", [.. Enumerable.Repeat(FakeResponse.RateLimited(120), 3)]);

        await TicksAsync(1);

        Assert.Equal(1, DigestPosts());
        Assert.DoesNotContain(_app.Slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == "DU0009");
        Assert.Single(_app.Slack.CallsTo("conversations.members"));

        // Retried with backoff, not at every tick: a minute after the first failure, two after the second, ...
        await TicksAsync(5);
        Assert.Equal(3, _app.Slack.CallsTo("conversations.members").Count);
        Assert.DoesNotContain(_app.Slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == "DU0009");

        // ... four after the third, and the throttling is over by then.
        await TicksAsync(5);
        var note = Assert.Single(_app.Slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == "DU0009");
        Assert.Contains("<@U0003>", Said(note.Json));
        Assert.Equal(4, _app.Slack.CallsTo("conversations.members").Count);
        Assert.Equal(1, DigestPosts());
    }
}
