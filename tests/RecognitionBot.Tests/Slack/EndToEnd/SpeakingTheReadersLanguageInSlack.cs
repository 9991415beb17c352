using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// <c>admin language</c> sets the workspace's language for channel posts and digests; every reply (the "one moment"
/// ack and errors too) is in the reader's own language when Slack gives one, else the workspace's; the command words
/// work in Italian and Swedish, and help shows the reader's words.
/// </summary>
public sealed class SpeakingTheReadersLanguageInSlack : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SlackAppDriver.StartAsync(
            new Dictionary<string, string?> { ["Digest:Interval"] = "1.00:00:00" }, s => s.AddSingleton<TimeProvider>(_clock));
        _app.Slack.AddUser("U0005", locale: "sv-SE");
        _app.Slack.AddUser("U0006", locale: "it-IT");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AdminLanguageItMakesTheCelebrationAndTheDigestItalian()
    {
        var answer = Said(await _app.CommandAsync("U0009", "admin language it"));

        Assert.Contains("The workspace language is now Italian", answer);
        var settings = await _app.Host.Services.GetRequiredService<WorkspaceStore>().GetAsync(Workspace, CancellationToken.None);
        Assert.Equal("it", settings.DefaultLocale);
        Assert.Contains("changed the workspace language: en → it", Said(await _app.CommandAsync("U0009", "admin log")));

        await _app.CommandAsync("U0001", "<@U0002> +10 for the calmest outage bridge ever");
        await _app.OutboxDrainedAsync();
        Assert.Contains("ha premiato", Said(Assert.Single(_app.PostsTo(Channel)).Json));

        var due = _clock.GetUtcNow().AddMinutes(1);
        await _app.CommandAsync("U0009", $"digest on {due.DayOfWeek.ToString().ToLowerInvariant()} {due:HH:mm} UTC");
        _clock.Advance(TimeSpan.FromMinutes(2));
        await _app.Host.Services.GetRequiredService<DigestPublisher>().PublishDueAsync(CancellationToken.None);

        var digest = await _app.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == Channel && c.Body.Contains("La settimana dei kudos", StringComparison.Ordinal));
        Assert.Contains("for the calmest outage bridge ever", Said(digest.Json));
    }

    [Fact]
    public async Task ASwedishUsersErrorRepliesAreInSwedishWhateverTheWorkspaceSpeaks()
    {
        await _app.CommandAsync("U0009", "admin language it");

        var parseError = Said(await _app.CommandAsync("U0005", "topplista fjorton"));
        var refusal = Said(await _app.CommandAsync("U0005", "<@U0005> +10 jag är bäst"));

        Assert.Contains("Topplistan gäller", parseError);
        Assert.Contains("/kudos topplista vecka", parseError);
        Assert.DoesNotContain("classifica", parseError);
        Assert.Contains("Snyggt försök", refusal);
    }

    [Fact]
    public async Task TheItalianAndSwedishWordsAnswerLikeTheEnglishOnes()
    {
        var saldo = Said(await _app.CommandAsync("U0006", "saldo"));
        var balance = Said(await _app.CommandAsync("U0006", "balance"));
        var topplista = Said(await _app.CommandAsync("U0005", "topplista"));

        Assert.Equal(balance, saldo);
        Assert.Contains("Da dare: 100 di 100 punti", saldo);
        Assert.Contains("Mest uppmärksammade", topplista);
    }

    [Fact]
    public async Task HelpShowsTheReadersOwnWords()
    {
        var italian = Said(await _app.CommandAsync("U0006", "aiuto"));
        var swedish = Said(await _app.CommandAsync("U0005", "hjälp"));

        Assert.Contains("saldo, classifica [settimana|mese|sempre], premi, riscatta", italian);
        Assert.Contains("saldo, topplista [vecka|månad|allt], belöningar, lös in", swedish);
        Assert.Contains("lingua en|it|sv", italian);
    }

    [Fact]
    public async Task TheOneMomentAckIsInTheReadersLanguage()
    {
        await using var slow = await SlackAppDriver.StartAsync(new Dictionary<string, string?> { ["Slack:AckDeadline"] = "00:00:00" });
        slow.Slack.AddUser("U0005", locale: "sv-SE");
        slow.Slack.AddUser("U0010", locale: null);
        await slow.CommandAsync("U0009", "admin language it");
        await slow.Slack.WaitForCallAsync("response_url.U0009", _ => true);
        // The first answer has read the Swedish profile; the ack of the next one knows it without asking Slack.
        await slow.CommandAsync("U0005", "balance");
        await slow.Slack.WaitForCallAsync("response_url.U0005", _ => true);

        var swedish = Said(await slow.CommandAsync("U0005", "saldo"));
        var workspaces = Said(await slow.CommandAsync("U0010", "balance"));

        Assert.Contains("Ett ögonblick", swedish);
        Assert.Contains("Un attimo", workspaces);
    }
}
