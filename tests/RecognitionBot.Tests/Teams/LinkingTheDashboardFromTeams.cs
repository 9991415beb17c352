using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>With <c>Dashboard:PublicUrl</c> set, the help card in Teams ends with the dashboard's link, as Slack's help does.</summary>
public sealed class LinkingTheDashboardFromTeams : IAsyncLifetime
{
    private readonly TeamsTestHost _host =
        new(authenticated: true, new Dictionary<string, string?> { ["Dashboard:PublicUrl"] = "https://kudos.contoso.com/dashboard" });

    public Task InitializeAsync() => ((IAsyncLifetime)_host).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_host).DisposeAsync();

    [Fact]
    public async Task TheHelpCardLinksTheDashboard()
    {
        var teams = new TeamsScenario(_host).WithRoster();

        var help = (await teams.SayAsync(Ann, Personal(Ann), "help")).Card();
        var balance = (await teams.SayAsync(Ann, Personal(Ann), "balance")).Card();

        AdaptiveCardContract.AssertValid(help);
        Assert.Contains("[the Kudos dashboard](https://kudos.contoso.com/dashboard)", help.AllText());
        Assert.DoesNotContain("kudos.contoso.com", balance.AllText());
    }
}
