using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// Someone whose Slack profile gives no language reads the workspace's default one, in answers and in posts: the
/// core hands the adapter and the outbox sender that language with the result, so neither reads the settings.
/// </summary>
public sealed class SpeakingTheWorkspacesLanguageInSlack : IAsyncLifetime
{
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SlackAppDriver.StartAsync();
        _app.Slack.AddUser("U0010", locale: null);
        await _app.Host.Services.GetRequiredService<WorkspaceStore>().UpdateAsync(Workspace, s => s with { DefaultLocale = "it" }, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnAnswerIsInTheWorkspacesLanguageWhenTheAskerHasNone()
    {
        var said = Said(await _app.CommandAsync("U0010", "balance"));

        Assert.Contains("Da dare: 100 di 100 punti", said);
    }

    [Fact]
    public async Task AnAnswerIsInTheAskersOwnLanguageWhenSlackGivesOne()
    {
        var said = Said(await _app.CommandAsync("U0001", "balance"));

        Assert.Contains("Left to give: 100 of 100 points", said);
    }

    [Fact]
    public async Task AParseErrorIsInTheWorkspacesLanguageToo()
    {
        var said = Said(await _app.CommandAsync("U0010", "leaderboard fortnight"));

        Assert.Contains("La classifica copre", said);
    }

    [Fact]
    public async Task TheCelebrationIsPostedInTheWorkspacesLanguage()
    {
        await _app.CommandAsync("U0010", "<@U0002> +10 per la pazienza con il cliente");
        await _app.OutboxDrainedAsync();

        Assert.Contains("ha premiato", Said(Assert.Single(_app.PostsTo(Channel)).Json));
    }
}
