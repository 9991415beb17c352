using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Members;

/// <summary>
/// Who is in a channel or team, from the platform (Slack conversations.members, Teams paged members), without bots
/// or deactivated users. Used for the recognition gaps that go with each digest.
/// </summary>
public interface IChannelRoster
{
    Platform Platform { get; }

    Task<IReadOnlyList<MemberId>> MembersAsync(WorkspaceId workspace, ConversationRef conversation, CancellationToken cancellationToken);
}
