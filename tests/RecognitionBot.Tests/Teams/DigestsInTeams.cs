using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Digests;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>The weekly digest in a Teams channel, and the recognition gaps from the team's roster for its managers.</summary>
public sealed class DigestsInTeams : IAsyncLifetime
{
    private readonly TeamsTestHost _host = new();
    private TeamsScenario _teams = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_host).InitializeAsync();
        _teams = new TeamsScenario(_host).WithRoster();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_host).DisposeAsync();

    [Fact]
    public async Task PostsTheDigestInTheChannelAndTellsManagersWhoWasNotRecognised()
    {
        using (await _teams.SendAsync(
            _teams.Message(Ann, Personal(Ann), "hello") with { Type = ActivityTypes.InstallationUpdate, Action = "add", Text = null })) { }
        var channelId = NewChannel();
        await _teams.SayAsync(Ann, Personal(Ann), "admin role manager @mia");
        var today = DateTimeOffset.UtcNow.DayOfWeek.ToString().ToLowerInvariant();
        var subscribed = await _teams.SayAsync(Ann, Channel(channelId, "1"), $"digest on {today} 00:00 UTC");
        Assert.Contains("weekly kudos digest", subscribed.Card().AllText());
        await _teams.SayAsync(Ann, Channel(channelId, "2"), "kudos @bob +10 for the escalation playbook #ownership");

        await _host.Services.GetRequiredService<DigestPublisher>().PublishDueAsync(CancellationToken.None);

        var digest = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == $"/amer/v3/conversations/{channelId}/activities"
            && c.Body.Contains("This week in kudos"));
        // The digest covers the week up to its due time (midnight today), so today's kudos wait for next week's.
        AdaptiveCardContract.AssertValid(digest.Card());

        var gaps = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path.StartsWith("/amer/v3/conversations/a:dm-29:mia/activities")
            && c.Body.Contains("Recognition gaps"));
        AdaptiveCardContract.AssertValid(gaps.Card());
        var named = gaps.Card().Mentions().Select(m => m.Id).ToList();
        Assert.Contains(Cat.AadId, named);
        Assert.Contains(Dan.AadId, named);
        Assert.DoesNotContain(Bob.AadId, named);
        Assert.Contains("Escalations", gaps.Card().AllText());
        // The channel's roster is its team's.
        Assert.Contains(_teams.Connector.Calls, c => c.Method == "GET" && c.Path == $"/amer/v3/conversations/{TeamId}/pagedmembers");
    }
}
