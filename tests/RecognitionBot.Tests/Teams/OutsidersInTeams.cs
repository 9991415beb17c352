using RecognitionBot.Teams;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// Teams guests (roster <c>userRole: guest</c>) and users of another tenant in a shared channel may read along but
/// never give, receive or redeem: a friendly refusal, and the workspace's storage is unchanged. (Members of the
/// tenant still give and receive: <see cref="GivingKudosInTeams"/>; no kudos is given here, so no outbox work runs
/// in the background while the partition is compared.)
/// </summary>
public sealed class OutsidersInTeams(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    private TestUser Guest()
    {
        var guest = new TestUser($"29:guest{Guid.NewGuid():N}", Guid.NewGuid().ToString(), "Gus Guest");
        host.Connector.AddMember(new TeamsChannelAccount
        {
            Id = guest.TeamsId,
            Name = guest.Name,
            ObjectId = guest.AadId,
            UserRole = "guest",
            TenantId = TestActivities.Tenant,
            UserPrincipalName = "gus_partner.example#EXT#@contoso.onmicrosoft.com",
        });
        return guest;
    }

    private TestUser SharedChannelUser()
    {
        var other = new TestUser($"29:fab{Guid.NewGuid():N}", Guid.NewGuid().ToString(), "Fay Fabrikam");
        host.Connector.AddMember(new TeamsChannelAccount
        {
            Id = other.TeamsId,
            Name = other.Name,
            ObjectId = other.AadId,
            UserRole = "user",
            TenantId = TeamsTestHost.ForeignTenant,
        });
        return other;
    }

    /// <summary>
    /// Says it twice: the first time the bot meets the people involved (it stores how to reach them and reads their
    /// roster entry, as for anyone), so the second attempt must leave every row as it was.
    /// </summary>
    private async Task<string> RefusedTwiceWithNothingChanged(TestUser from, Func<string> text, IEnumerable<TestUser> people)
    {
        var channel = Channel(NewChannel(), "1");
        var first = await _teams.SayAsync(from, channel, text(), people: people);
        await Task.Delay(300);
        var before = await host.SnapshotAsync(Workspace);

        var reply = await _teams.SayAsync(from, channel, text(), people: people);

        await Task.Delay(300);
        Assert.Equal(before, await host.SnapshotAsync(Workspace));
        Assert.Equal(first.Card().AllText(), reply.Card().AllText());
        AdaptiveCardContract.AssertValid(reply.Card());
        return reply.Card().AllText();
    }

    [Fact]
    public async Task AGuestGivingIsRefusedWithAFriendlyMessage()
    {
        var guest = Guest();
        var bob = await _teams.BalanceOf(Bob);

        var text = await RefusedTwiceWithNothingChanged(guest, () => "kudos @bob +10 thanks for the onboarding session", [guest]);

        Assert.Contains("guest from another organisation", text);
        Assert.Equal(bob, await _teams.BalanceOf(Bob));
    }

    [Fact]
    public async Task AGuestAsRecipientIsRefusedAndNamed()
    {
        var guest = Guest();
        var ann = await _teams.BalanceOf(Ann);

        var text = await RefusedTwiceWithNothingChanged(Ann, () => $"kudos @{guest.TeamsId[3..]} +10 thanks for the great partner call", [guest]);

        Assert.Contains("Gus Guest is a guest from another organisation", text);
        Assert.DoesNotContain("<at>", text);
        Assert.Equal(ann, await _teams.BalanceOf(Ann));
        Assert.Equal(0, (await _teams.BalanceOf(guest)).Earned);
    }

    [Fact]
    public async Task AGuestCannotRedeem()
    {
        var guest = Guest();
        var text = await RefusedTwiceWithNothingChanged(guest, () => "redeem coffee", []);
        Assert.Contains("kudos and rewards here are for members of this workspace only", text);
    }

    [Fact]
    public async Task ASharedChannelUserOfAnotherTenantCanNeitherGiveNorReceive()
    {
        var other = SharedChannelUser();

        var giving = await RefusedTwiceWithNothingChanged(other, () => "kudos @bob +10 thanks for the joint escalation", [other]);
        var receiving = await RefusedTwiceWithNothingChanged(Ann, () => $"kudos @{other.TeamsId[3..]} +10 thanks for the joint escalation", [other]);

        Assert.Contains("guest from another organisation", giving);
        Assert.Contains("Fay Fabrikam is a guest from another organisation", receiving);
        Assert.Equal(0, (await _teams.BalanceOf(other)).Earned);
    }
}
