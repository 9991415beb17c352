using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Commands;

/// <summary>
/// Who asked, where, and which platform delivery carried it. The delivery key (Slack trigger or event id, Teams
/// activity id, a button click's id) makes a retried delivery return the first answer instead of acting twice.
/// </summary>
public sealed record CommandContext(
    WorkspaceId Workspace,
    MemberId Actor,
    ConversationRef Conversation,
    DeliveryKey? DeliveryKey = null,
    string? Locale = null);
