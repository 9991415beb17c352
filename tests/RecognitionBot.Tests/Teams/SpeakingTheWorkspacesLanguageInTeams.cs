using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// A reader in a language we have no translation for reads the workspace's default one: the core hands the Teams
/// adapter that language with the result, so the adapter reads no settings. Its own host: the default is changed.
/// </summary>
public sealed class SpeakingTheWorkspacesLanguageInTeams(TeamsTestHost host) : IClassFixture<TeamsTestHost>, IAsyncLifetime
{
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    public async Task InitializeAsync() =>
        await host.Services.GetRequiredService<WorkspaceStore>().UpdateAsync(Workspace, s => s with { DefaultLocale = "sv" }, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AFrenchReaderInASwedishWorkspaceReadsSwedish()
    {
        var reply = await _teams.SayAsync(Dan, Personal(Dan), "balance", locale: "fr-FR");

        AdaptiveCardContract.AssertValid(reply.Card());
        Assert.Contains("Dina kudos", reply.Card().AllText());
    }

    [Fact]
    public async Task AReaderWithATranslationReadsTheirOwn()
    {
        var reply = await _teams.SayAsync(Dan, Personal(Dan), "balance", locale: "it-IT");

        Assert.Contains("I tuoi kudos", reply.Card().AllText());
    }

    [Fact]
    public async Task TheNoteThatAnAnswerWentToThePrivateChatIsInTheWorkspacesLanguageToo()
    {
        var reply = await _teams.SayAsync(Cat, Channel(NewChannel(), "sv"), "balance", locale: "fr-FR");

        Assert.Contains("vår privata chatt", reply.Card().AllText());
    }
}
