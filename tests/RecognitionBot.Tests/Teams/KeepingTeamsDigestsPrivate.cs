using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// Through JWT-signed activities: a team's digest preview counts its standard channels, never a private channel
/// (Teams says so in <c>channelData.channel.membershipType</c>), a group chat or a personal chat.
/// </summary>
public sealed class KeepingTeamsDigestsPrivate : IAsyncLifetime
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
    public async Task ThePreviewInAStandardChannelQuotesNothingFromAPrivateChannelOrAChat()
    {
        var standard = NewChannel();
        var other = NewChannel();
        var secret = NewChannel();
        await _teams.SayAsync(Ann, Channel(standard, "1"), "kudos @bob +10 for the public escalation playbook");
        await _teams.SayAsync(Ann, Channel(other, "2"), "kudos @cat +10 for the shift swap everyone saw");
        var inPrivate = _teams.Message(Ann, Channel(secret, "3"), "kudos @dan +10 for the secret said in a private channel");
        using (await _teams.SendAsync(inPrivate with
        {
            ChannelData = inPrivate.ChannelData! with { Channel = inPrivate.ChannelData.Channel! with { MembershipType = "private" } },
        })) { }
        await _teams.SayAsync(Ann, GroupChat($"19:group-{Guid.NewGuid():N}@thread.v2"), "kudos @mia +10 for the secret said in a group chat");
        await _teams.SayAsync(Ann, Personal(Ann), "kudos @mia +10 for the secret said in a personal chat");

        var preview = await _teams.SayAsync(Cat, Channel(standard, "4"), "digest preview");

        AdaptiveCardContract.AssertValid(preview.Card());
        var text = preview.Card().AllText();
        Assert.Contains("for the public escalation playbook", text);
        Assert.Contains("for the shift swap everyone saw", text);
        Assert.DoesNotContain("secret", text);
        Assert.DoesNotContain(preview.Card().Mentions(), m => m.Id == Dan.AadId || m.Id == Mia.AadId);
    }
}
