using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams.Cards;

namespace RecognitionBot.Teams;

/// <summary>
/// Team tags as recipients (SPEC "Surfaces"): a tag mentioned is its members, read from Graph, each then resolved
/// as a mentioned person is (their roster entry says guest or another tenant, and the core refuses them as it
/// refuses any outsider). The same path as Slack's user groups: the command text names the members.
/// </summary>
public sealed partial class TeamsBot
{
    /// <summary>Tag id to its members' AAD ids; empty when no tag was mentioned; null when a tag could not be read.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>?> ExpandTagsAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var tags = TeamsMentions.TagsMentioned(activity);
        var expanded = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (tags.Count == 0) return expanded;
        // Tags belong to a team; Graph names the team by its group id, which channel activities carry.
        if (activity.ChannelData?.Team?.AadGroupId is not { Length: > 0 } group)
        {
            logger.LogWarning("A tag was mentioned in {Conversation} of {Workspace}, which names no team group", activity.Conversation?.Id, workspace);
            return null;
        }
        try
        {
            foreach (var tag in tags)
            {
                var members = await graph.TagMembersAsync(workspace.Id, group, tag.Mentioned!.Id!, ct);
                var ids = new List<string>(members.Count);
                foreach (var member in members) ids.Add(await ResolveByAadAsync(workspace, activity, member, ct));
                expanded[tag.Mentioned.Id!] = ids;
            }
            return expanded;
        }
        catch (Exception e) when (e is GraphUnavailableException or HttpRequestException or Microsoft.Kiota.Abstractions.ApiException)
        {
            logger.LogWarning(e, "The tag in activity {Id} of {Workspace} could not be expanded", activity.Id, workspace);
            return null;
        }
    }

    private async Task AnswerTagUnavailableAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var reader = await recognition.ReaderAsync(workspace, activity.Locale, ct);
        var texts = TeamsTexts.For(reader);
        var card = TeamsCards.Text(texts["Tag.Unavailable"], new CardContext(texts, new Dictionary<MemberId, TeamsPerson>()));
        try
        {
            await connector.ReplyAsync(activity.ServiceUrl!, activity.Conversation!.Id!, activity.Id ?? "", TeamsPoster.Message(card), ct);
        }
        catch (Exception e) when (e is BotConnectorException or HttpRequestException)
        {
            logger.LogWarning(e, "The answer to activity {Id} in {Workspace} could not be posted", activity.Id, workspace);
        }
    }
}
