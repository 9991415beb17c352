using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Storage;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Infrastructure;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// A team tag mentioned in a kudos: its members from Graph (<c>/teams/{group}/tags/{tag}/members</c>, read page by
/// page) are the recipients, each once and never the giver; an outsider in the tag is refused as a mentioned one is.
/// </summary>
public sealed class TagsAsRecipientsInTeams(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private readonly TagMessages _tags = new(host);
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    [Fact]
    public async Task ATagMentionGivesToEachOfItsMembersOnceAndNeverToTheGiver()
    {
        var tag = TagMessages.NewTagId();
        host.Graph.SetTag(TestActivities.Tenant, TagMessages.TeamGroup, tag,
            new FakeGraph.TagMember(Bob.AadId, Bob.Name, TestActivities.Tenant),
            new FakeGraph.TagMember(Ann.AadId, Ann.Name, TestActivities.Tenant),
            new FakeGraph.TagMember(Cat.AadId, Cat.Name, TestActivities.Tenant));
        var (bob, cat, ann) = (await _teams.BalanceOf(Bob), await _teams.BalanceOf(Cat), await _teams.BalanceOf(Ann));

        // Bob is also mentioned by name: still one kudos for him.
        var activity = _tags.WithTag(Ann, "kudos #tag @bob +4 for covering every night shift this week", tag, "Night shift");
        var reply = await _tags.AnswerTo(activity);

        AdaptiveCardContract.AssertValid(reply.Card());
        Assert.Equal(bob.Earned + 4, (await _teams.BalanceOf(Bob)).Earned);
        Assert.Equal(cat.Earned + 4, (await _teams.BalanceOf(Cat)).Earned);
        Assert.Equal(ann.Earned, (await _teams.BalanceOf(Ann)).Earned);
        // Three members, two a page: the bot followed the next link.
        // A tag id is base64: a "/" in it travels escaped.
        Assert.Equal(2, host.Graph.Calls.Count(c => Uri.UnescapeDataString(c.Path) == $"/v1.0/teams/{TagMessages.TeamGroup}/tags/{tag}/members"));
        var celebration = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Body.Contains("every night shift")
            && c.Path.StartsWith("/amer/v3/conversations/19:", StringComparison.Ordinal));
        AdaptiveCardContract.AssertValid(celebration.Card());
        Assert.Contains((Cat.AadId, "<at>Cat Caller</at>"), celebration.Card().Mentions());
        Assert.DoesNotContain("Night shift", celebration.Card().AllText());
    }
}

/// <summary>
/// Tags that cannot be given to: an outsider among the members, or a tag Graph cannot read. Nothing is given, so no
/// outbox work runs while the partition is compared (the giving lives in <see cref="TagsAsRecipientsInTeams"/>).
/// </summary>
public sealed class RefusingTagsInTeams(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private readonly TagMessages _tags = new(host);
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    [Fact]
    public async Task AnOutsiderInTheTagIsRefusedByNameAndNothingIsGiven()
    {
        var fay = new TestUser($"29:fay{Guid.NewGuid():N}", Guid.NewGuid().ToString(), "Fay Fabrikam");
        var tag = TagMessages.NewTagId();
        host.Graph.SetTag(TestActivities.Tenant, TagMessages.TeamGroup, tag,
            new FakeGraph.TagMember(Dan.AadId, Dan.Name, TestActivities.Tenant),
            new FakeGraph.TagMember(fay.AadId, fay.Name, TeamsTestHost.ForeignTenant));
        var dan = await _teams.BalanceOf(Dan);
        var channel = Channel(NewChannel(), "1");
        Activity Attempt() => _tags.WithTag(Mia, "kudos #tag +5 thanks for the joint escalation with the vendor", tag, "Vendor desk", channel);

        // The first attempt meets the people (how to reach them); the second must leave every row as it was.
        var first = await _tags.AnswerTo(Attempt());
        await Task.Delay(300);
        var before = await host.SnapshotAsync(Workspace);
        var reply = await _tags.AnswerTo(Attempt());
        await Task.Delay(300);

        Assert.Equal(before, await host.SnapshotAsync(Workspace));
        AdaptiveCardContract.AssertValid(reply.Card());
        Assert.Equal(first.Card().AllText(), reply.Card().AllText());
        Assert.Contains("Fay Fabrikam is a guest from another organisation", reply.Card().AllText());
        Assert.Equal(dan, await _teams.BalanceOf(Dan));
        Assert.Equal(0, (await _teams.BalanceOf(fay)).Earned);
    }

    [Fact]
    public async Task ATagGraphCannotReadIsExplainedAndNothingIsGiven()
    {
        var tables = host.Services.GetRequiredService<TableStore>();
        var before = await StorageSnapshot.LedgerAsync(tables, Workspace);

        var reply = await _tags.AnswerTo(_tags.WithTag(Cat, "kudos #tag +5 for the calm handover", TagMessages.NewTagId(), "Deleted tag"));

        AdaptiveCardContract.AssertValid(reply.Card());
        Assert.Contains("couldn't read who is in that tag", reply.Card().AllText());
        Assert.Equal(before, await StorageSnapshot.LedgerAsync(tables, Workspace));
    }
}

/// <summary>Channel messages that mention a team tag, and the bot's answer to them.</summary>
public sealed class TagMessages(TeamsTestHost host)
{
    private readonly TeamsScenario _teams = new(host);

    public const string TeamGroup = "3c9a1f7e-5d2b-4e8a-9f10-6b7c8d9e0f12";

    /// <summary>A channel message naming a tag as Teams sends it: the mention entity says <c>type: tag</c> and carries the Graph tag id.</summary>
    public Activity WithTag(TestUser from, string text, string tagId, string tagName, ConversationAccount? channel = null)
    {
        var activity = _teams.Message(from, channel ?? Channel(NewChannel(), "1"), text.Replace("#tag", "<at>" + tagName + "</at>", StringComparison.Ordinal));
        var tag = new Entity
        {
            Type = "mention",
            Text = $"<at>{tagName}</at>",
            Mentioned = new ChannelAccount { Id = tagId, Name = tagName, Type = "tag" },
        };
        return activity with
        {
            Entities = [.. activity.Entities!, tag],
            ChannelData = activity.ChannelData! with { Team = activity.ChannelData.Team! with { AadGroupId = TeamGroup } },
        };
    }

    public static string NewTagId() => Convert.ToBase64String(Guid.NewGuid().ToByteArray());

    public async Task<FakeConnector.ConnectorCall> AnswerTo(Activity activity)
    {
        var before = _teams.Connector.Calls.Count;
        using (await _teams.SendAsync(activity)) { }
        return _teams.Connector.Calls.SingleOrDefault(c => c.Method == "POST" && c.Path.EndsWith("/activities/" + activity.Id, StringComparison.Ordinal))
            ?? _teams.Connector.Calls.Skip(before).First(c => c.Method == "POST" && IsPersonalChatOf(TestUserOf(activity), c.Path));
    }

    private static TestUser TestUserOf(Activity activity) => Everyone.Single(u => u.TeamsId == activity.From!.Id);
}
