using Microsoft.Extensions.Options;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams.Cards;

namespace RecognitionBot.Teams;

/// <summary>
/// Posts cards where the core wants them: into a stored conversation, into a member's 1:1 chat with the bot
/// (opened on first use), or over an earlier message. Knows where things are from <see cref="TeamsReferences"/>.
/// </summary>
public sealed class TeamsPoster(BotConnectorClient connector, TeamsReferences references, IOptions<TeamsOptions> options)
{
    public static Activity Message(AdaptiveCard card, string? summary = null, bool alert = false) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [card.ToAttachment()],
        ChannelData = alert ? new TeamsChannelData { Notification = new NotificationInfo(true) } : null,
    };

    public async Task<PostReceipt> ToConversationAsync(WorkspaceId workspace, string conversationId, Activity message, CancellationToken ct)
    {
        var serviceUrl = (await references.FindConversationAsync(workspace, conversationId, ct))?.ServiceUrl ?? await TenantServiceUrlAsync(workspace, ct);
        var sent = await connector.SendAsync(serviceUrl, conversationId, message, ct);
        return new PostReceipt(conversationId, sent.Id ?? "");
    }

    /// <summary>
    /// A DM from the bot. The 1:1 chat is created (or found: Teams returns the same one) the first time, and again if
    /// the one we knew is gone (404: its conversation was deleted, or the Agents Playground was restarted).
    /// </summary>
    public async Task<PostReceipt> ToMemberAsync(WorkspaceId workspace, MemberId member, Activity message, CancellationToken ct)
    {
        var person = await references.FindPersonAsync(workspace, member, ct);
        var tenant = await references.FindTenantAsync(workspace, ct);
        var serviceUrl = person?.ServiceUrl ?? tenant?.ServiceUrl ?? options.Value.DefaultServiceUrl;
        var conversationId = person?.PersonalConversationId;
        if (conversationId is not null)
        {
            try
            {
                var known = await connector.SendAsync(serviceUrl, conversationId, message, ct);
                return new PostReceipt(conversationId, known.Id ?? "");
            }
            catch (BotConnectorException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
            {
                conversationId = null;
            }
        }
        if (conversationId is null)
        {
            var botId = tenant?.BotId ?? "28:" + options.Value.AppId;
            var created = await connector.CreatePersonalConversationAsync(serviceUrl, botId, person?.TeamsId ?? member.Value, workspace.Id, ct);
            conversationId = created.Id ?? throw new BotConnectorException(System.Net.HttpStatusCode.BadGateway, "NoConversationId", null, null);
            serviceUrl = created.ServiceUrl ?? serviceUrl;
            await references.SavePersonAsync(workspace,
                (person ?? new TeamsPerson(member.Value, "")) with { ServiceUrl = serviceUrl, PersonalConversationId = conversationId }, ct);
            await references.UpdateConversationAsync(workspace, conversationId, existing =>
                new TeamsConversation(serviceUrl, conversationId, ConversationTypes.Personal, workspace.Id, Welcomed: existing?.Welcomed ?? false), ct);
        }
        var sent = await connector.SendAsync(serviceUrl, conversationId, message, ct);
        return new PostReceipt(conversationId, sent.Id ?? "");
    }

    /// <summary>Edits a message the bot posted earlier, for everyone who sees it.</summary>
    public async Task<PostReceipt> UpdateAsync(WorkspaceId workspace, PostedMessage posted, Activity message, CancellationToken ct)
    {
        var serviceUrl = (await references.FindConversationAsync(workspace, posted.ConversationId, ct))?.ServiceUrl
            ?? await TenantServiceUrlAsync(workspace, ct);
        await connector.UpdateAsync(serviceUrl, posted.ConversationId, posted.MessageId, message, ct);
        return new PostReceipt(posted.ConversationId, posted.MessageId);
    }

    private async Task<string> TenantServiceUrlAsync(WorkspaceId workspace, CancellationToken ct) =>
        (await references.FindTenantAsync(workspace, ct))?.ServiceUrl ?? options.Value.DefaultServiceUrl;
}
