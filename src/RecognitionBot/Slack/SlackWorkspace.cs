using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>How Slack's identifiers map onto the core's words.</summary>
public static class SlackWorkspace
{
    /// <summary>A Slack workspace is its team id; team ids are unique across Slack, Enterprise Grid included.</summary>
    public static WorkspaceId Id(string teamId) => new(Platform.Slack, teamId);

    /// <summary>
    /// Where a command was typed: <c>D...</c> is a DM with the bot (no public celebration there); a slash command
    /// names a private channel <c>privategroup</c> and a group DM <c>mpdm-...</c>; another <c>G...</c> (a click
    /// carries no name) is a group; anything else a public channel.
    /// </summary>
    public static ConversationRef Conversation(string channelId, string? channelName)
    {
        var kind = channelId.StartsWith('D') || channelName == "directmessage" ? ConversationKind.Direct
            : channelName?.StartsWith("mpdm-", StringComparison.Ordinal) == true ? ConversationKind.Group
            : channelName == "privategroup" ? ConversationKind.PrivateChannel
            : channelId.StartsWith('G') ? ConversationKind.Group
            : ConversationKind.Channel;
        return new ConversationRef(channelId, kind);
    }
}
