using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Members;

/// <summary>
/// Who is in a channel or team, from the platform (Slack conversations.members, Teams paged members), without bots
/// or deactivated users. Used for the recognition gaps that go with each digest.
/// </summary>
public interface IChannelRoster
{
    /// <summary>
    /// The most people a roster reads for one digest's gap notes: bounds a giant channel's lookups (and throttling)
    /// to a few minutes of the platform's rate limit; the rest of such a channel goes unlisted.
    /// </summary>
    public const int MaxMembers = 5000;

    Platform Platform { get; }

    Task<IReadOnlyList<MemberId>> MembersAsync(WorkspaceId workspace, ConversationRef conversation, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="member"/> belongs to <paramref name="conversation"/> now (a Teams channel: its team, or a
    /// private channel itself when no team is given). A platform that can ask about one person answers cheaper.
    /// </summary>
    async Task<bool> IncludesAsync(WorkspaceId workspace, ConversationRef conversation, MemberId member, CancellationToken cancellationToken) =>
        (await MembersAsync(workspace, conversation, cancellationToken)).Contains(member);
}
