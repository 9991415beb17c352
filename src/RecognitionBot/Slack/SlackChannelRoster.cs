using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>
/// The people in a Slack channel, for the recognition gaps that go with each digest: conversations.members (all
/// pages), keeping only people (no bots, no deactivated accounts, no guests from other workspaces). The directory
/// caches, and a few lookups run at a time so a large channel does not trip Slack's rate limit at once.
/// </summary>
public sealed class SlackChannelRoster(SlackApiClient api, SlackInstallations installations, IEnumerable<IMemberDirectory> directories) : IChannelRoster
{
    private const int ParallelLookups = 4;

    public Platform Platform => Platform.Slack;

    public async Task<IReadOnlyList<MemberId>> MembersAsync(WorkspaceId workspace, ConversationRef conversation, CancellationToken cancellationToken)
    {
        var bot = await installations.BotForAsync(workspace, cancellationToken)
            ?? throw new InvalidOperationException($"Slack workspace {workspace.Id} is not installed.");
        var ids = (await api.ConversationMembersAsync(bot.Token, conversation.Id, cancellationToken)).Take(IChannelRoster.MaxMembers).ToList();
        var directory = directories.First(d => d.Platform == Platform.Slack);
        var people = new MemberProfile?[ids.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelLookups, CancellationToken = cancellationToken },
            async (i, ct) => people[i] = await directory.FindAsync(workspace, new MemberId(ids[i]), ct));
        return [.. people.Where(p => p is { IsBot: false, IsDeactivated: false, IsOutsider: false }).Select(p => p!.Id)];
    }
}
