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

    public async Task InitializeAsync() =>
        _app = await SlackAppDriver.StartAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

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

        var digest = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == Channel && c.Body.Contains("This week in kudos", StringComparison.Ordinal));
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
}
