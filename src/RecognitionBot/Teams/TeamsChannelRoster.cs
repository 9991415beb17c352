using Microsoft.Extensions.Options;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Teams;

/// <summary>
/// Who belongs to a subscribed channel, for the recognition gaps: the team's roster for a channel, the chat's own
/// for a group chat, read page by page from the connector. Everyone read is remembered, so the note can mention them.
/// </summary>
public sealed class TeamsChannelRoster(
    BotConnectorClient connector,
    TeamsReferences references,
    IOptions<TeamsOptions> options,
    ILogger<TeamsChannelRoster> logger) : IChannelRoster
{
    public Platform Platform => Platform.Teams;

    public async Task<IReadOnlyList<MemberId>> MembersAsync(WorkspaceId workspace, ConversationRef conversation, CancellationToken cancellationToken)
    {
        var serviceUrl = await ServiceUrlAsync(workspace, conversation, cancellationToken);
        var members = new List<MemberId>();
        try
        {
            await foreach (var m in connector.GetAllMembersAsync(serviceUrl, conversation.TeamId ?? conversation.Id, ct: cancellationToken))
            {
                if (m.AadId is not { } aad) continue;
                await references.SavePersonAsync(workspace, TeamsPerson.FromRoster(m, aad, "", serviceUrl), cancellationToken);
                members.Add(new MemberId(aad));
                if (members.Count >= IChannelRoster.MaxMembers) break;
            }
        }
        catch (BotConnectorException e) when (!e.IsTransient)
        {
            // The bot was removed from the team or chat: no roster, so no gaps to report (the digest post will tell the same story).
            logger.LogWarning("No roster for {Conversation} in {Workspace}: {Status} {Code}", conversation.Id, workspace, (int)e.Status, e.Code);
            return [];
        }
        return members;
    }

    /// <summary>One connector call for one person (a channel tab's viewer), not the whole roster.</summary>
    public async Task<bool> IncludesAsync(WorkspaceId workspace, ConversationRef conversation, MemberId member, CancellationToken cancellationToken)
    {
        var serviceUrl = await ServiceUrlAsync(workspace, conversation, cancellationToken);
        try
        {
            var found = await connector.GetMemberAsync(serviceUrl, conversation.TeamId ?? conversation.Id, member.Value, cancellationToken);
            return found?.AadId is { } aad && string.Equals(aad, member.Value, StringComparison.OrdinalIgnoreCase);
        }
        catch (BotConnectorException e) when (!e.IsTransient)
        {
            // The bot is not in that team or channel (or never was): nobody is shown its kudos.
            logger.LogWarning("No membership answer for {Conversation} in {Workspace}: {Status} {Code}", conversation.Id, workspace, (int)e.Status, e.Code);
            return false;
        }
    }

    private async Task<string> ServiceUrlAsync(WorkspaceId workspace, ConversationRef conversation, CancellationToken cancellationToken) =>
        (await references.FindConversationAsync(workspace, conversation.Id, cancellationToken))?.ServiceUrl
            ?? (await references.FindTenantAsync(workspace, cancellationToken))?.ServiceUrl
            ?? options.Value.DefaultServiceUrl;
}
