using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos.Channel;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// The channel tab's board, asked of the core as the tab page asks it, on kudos given through JWT-signed activities
/// and the connector's roster: only that channel's kudos, only people who may be named, only for the team's members.
/// </summary>
public sealed class ShowingAChannelsBoard(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    private async Task<CommandResult> BoardAsync(TestUser asker, string channel, string team = TeamId)
    {
        var core = host.Services.GetRequiredService<RecognitionService>();
        var where = new ConversationRef(channel, ConversationKind.Channel, team);
        return (await core.AnswerAsync(new CommandContext(Workspace, asker.Member, where), new ChannelBoardCommand(LeaderboardPeriod.Month), default)).Result;
    }

    [Fact]
    public async Task ShowsOnlyThatChannelsPublicKudosAndNamesNobodyWhoChosePrivacy()
    {
        var here = NewChannel();
        var elsewhere = NewChannel();
        await _teams.SayAsync(Mia, Personal(Mia), "settings private on");
        await _teams.SayAsync(Ann, Channel(here, "1"), "kudos @bob +5 for the escalation playbook everyone uses");
        await _teams.SayAsync(Cat, Channel(here, "2"), "kudos @dan +3 for the quiet fix --private");
        await _teams.SayAsync(Dan, Channel(here, "3"), "kudos @mia +4 for coaching the new starters");
        await _teams.SayAsync(Ann, Channel(elsewhere, "4"), "kudos @cat +2 for the shift swap in another channel");
        await _teams.SayAsync(Ann, Personal(Ann), "kudos @dan +2 for the tip said in a personal chat");

        var board = Assert.IsType<ChannelBoardView>(await BoardAsync(Cat, here));

        Assert.Equal([Bob.Member], board.Leaderboard.Entries.Select(e => e.Member));
        Assert.Equal((1, 5), (board.Leaderboard.Entries[0].Kudos, board.Leaderboard.Entries[0].Points));
        var recent = Assert.Single(board.Recent);
        Assert.Equal((Ann.Member, "for the escalation playbook everyone uses"), (recent.Giver, recent.Message));
        Assert.Equal([Bob.Member], recent.Recipients);
    }

    [Fact]
    public async Task RefusesSomeoneTheTeamsRosterDoesNotKnow()
    {
        var here = NewChannel();
        await _teams.SayAsync(Ann, Channel(here, "10"), "kudos @bob +5 for the outage call at midnight");

        var answer = await BoardAsync(Stranger, here);

        Assert.Equal(new Refused(Refusal.NotChannelMember), answer);
        Assert.Contains(_teams.Connector.Calls, c => c.Method == "GET" && c.Path.EndsWith($"/members/{Stranger.AadId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChannelOfAnotherTeamShowsNothingThroughATeamTheAskerIsIn()
    {
        var here = NewChannel();
        await _teams.SayAsync(Ann, Channel(here, "20"), "kudos @bob +5 for the handover notes");

        // The client names a team Cat is in, with a channel of the team the kudos was given in.
        var board = Assert.IsType<ChannelBoardView>(await BoardAsync(Cat, here, team: "19:another-team@thread.tacv2"));

        Assert.Empty(board.Leaderboard.Entries);
        Assert.Empty(board.Recent);
    }

    [Fact]
    public async Task KudosInAPrivateChannelShowOnlyToThatChannelsMembers()
    {
        var secret = NewChannel();
        _teams.Connector.SetClosedRoster(secret,
            [.. new[] { Ann, Bob }.Select(u => new TeamsChannelAccount { Id = u.TeamsId, Name = u.Name, ObjectId = u.AadId })]);
        var activity = _teams.Message(Ann, Channel(secret, "30"), "kudos @bob +5 for the plan said in a private channel");
        using (await _teams.SendAsync(activity with
        {
            ChannelData = activity.ChannelData! with { Channel = activity.ChannelData.Channel! with { MembershipType = "private" } },
        })) { }

        var member = Assert.IsType<ChannelBoardView>(await BoardAsync(Bob, secret));
        var outsider = Assert.IsType<ChannelBoardView>(await BoardAsync(Cat, secret));

        Assert.Equal("for the plan said in a private channel", Assert.Single(member.Recent).Message);
        Assert.Empty(outsider.Recent);
        Assert.Empty(outsider.Leaderboard.Entries);
    }
}
