using RecognitionBot.Core.Members.Leavers;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams.Cards;

namespace RecognitionBot.Teams;

/// <summary>Installation and membership events, and remembering where every conversation and person can be reached.</summary>
public sealed partial class TeamsBot
{
    private async Task<InvokeResponse?> OnConversationUpdateAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var botId = activity.Recipient?.Id;
        if (activity.MembersRemoved?.Any(m => m.Id == botId) == true)
        {
            await references.ForgetConversationAsync(workspace, RootId(activity), ct);
            return null;
        }
        foreach (var member in activity.MembersAdded ?? [])
        {
            // Adding the app makes nobody an admin (they come from Teams:Admins and Teams:AdminGroupId).
            if (member.Id == botId) await WelcomeAsync(workspace, activity, ct);
            else if (member.AadObjectId is { } aad)
            {
                await references.SavePersonAsync(workspace, new TeamsPerson(aad, member.Name ?? "", member.Id, activity.ServiceUrl), ct);
                // Someone added to a team has a working account: if they were a leaver, they are back.
                await recognition.PersonLeftAsync(new PersonLeft(workspace, new MemberId(aad), Left: false, DeliveryKeys.For(activity.Id, aad, "added")), ct);
            }
        }
        if (activity.Conversation?.ConversationType != ConversationTypes.GroupChat)
            foreach (var member in activity.MembersRemoved ?? [])
                if (member.AadObjectId is { } aad) await OnRemovedAsync(workspace, activity, aad, ct);
        return null;
    }

    /// <summary>
    /// Someone removed from a team may only have moved to another team: they leave the workspace only if Entra says
    /// their account is disabled or gone. Removal from a group chat means nothing at all. If Graph cannot say, they
    /// stay (a leaver wrongly marked loses their requests; one wrongly kept can still be found by the next removal).
    /// </summary>
    private async Task OnRemovedAsync(WorkspaceId workspace, Activity activity, string aad, CancellationToken ct)
    {
        var enabled = await accounts.IsEnabledAsync(workspace.Id, aad, ct);
        if (enabled is not false)
        {
            logger.LogInformation("{Member} was removed from a team in {Workspace}; account enabled: {Enabled}, so not a leaver", aad, workspace,
                enabled?.ToString() ?? "unknown");
            return;
        }
        await recognition.PersonLeftAsync(new PersonLeft(workspace, new MemberId(aad), Left: true, DeliveryKeys.For(activity.Id, aad, "removed")), ct);
    }

    private async Task<InvokeResponse?> OnInstallationUpdateAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        if (activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (activity.Action == "remove") await references.ForgetConversationAsync(workspace, RootId(activity), ct);
            return null;
        }
        if (activity.Action == "add") await WelcomeAsync(workspace, activity, ct);
        return null;
    }

    /// <summary>
    /// A short hello, once per conversation, however many install events Teams sends (and it sends two at once):
    /// the conversation is marked welcomed before the card goes out, and unmarked if the card could not be posted.
    /// </summary>
    private async Task WelcomeAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        TeamsConversation? claimed = null;
        await references.UpdateConversationAsync(workspace, RootId(activity), c =>
        {
            // Asked again when another instance changed the record meanwhile: only the last answer counts.
            claimed = null;
            if (c is null || c.Welcomed) return null;
            claimed = c;
            return c with { Welcomed = true };
        }, ct);
        if (claimed is null) return;

        var reader = await recognition.ReaderAsync(workspace, activity.Locale, ct);
        var personal = activity.Conversation!.ConversationType == ConversationTypes.Personal;
        var card = TeamsCards.Welcome(new CardContext(TeamsTexts.For(reader), new Dictionary<MemberId, TeamsPerson>()), personal);
        try
        {
            await connector.SendAsync(claimed.ServiceUrl, claimed.ConversationId, TeamsPoster.Message(card), ct);
        }
        catch (Exception e) when (e is BotConnectorException or HttpRequestException)
        {
            logger.LogWarning(e, "The welcome in {Workspace} could not be posted", workspace);
            // A later install event may try again.
            await references.UpdateConversationAsync(workspace, claimed.ConversationId, c => c is { Welcomed: true } ? c with { Welcomed = false } : null, ct);
        }
    }

    // References help later posts; failing to store them must not cost the user their answer (the core reports storage trouble itself).
    private async Task RememberSafelyAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        try
        {
            await RememberAsync(workspace, activity, ct);
        }
        catch (Exception e) when (StorageFaults.IsFault(e))
        {
            logger.LogWarning(e, "Could not store where to reach {Conversation} in {Workspace}", activity.Conversation?.Id, workspace);
        }
    }

    /// <summary>Where to reach this conversation, its sender and the tenant later; written only when something changed.</summary>
    private async Task RememberAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var serviceUrl = activity.ServiceUrl!;
        if (activity.Recipient?.Id is { } botId) await references.SaveTenantAsync(workspace, new TeamsTenant(serviceUrl, botId), ct);
        var channelData = activity.ChannelData;
        var type = activity.Conversation!.ConversationType ?? ConversationTypes.Personal;
        var name = channelData?.Channel?.Name ?? channelData?.Team?.Name ?? activity.Conversation.Name;
        await references.UpdateConversationAsync(workspace, RootId(activity), existing => new TeamsConversation(serviceUrl, RootId(activity), type,
            workspace.Id, channelData?.Team?.Id, name ?? existing?.Name, existing?.Welcomed ?? false), ct);

        if (activity.From is { Id: { } fromId } from && !fromId.StartsWith("28:", StringComparison.Ordinal))
        {
            var aad = from.AadObjectId ?? fromId;
            await references.SavePersonAsync(workspace, new TeamsPerson(aad, from.Name ?? "", fromId, serviceUrl,
                type == ConversationTypes.Personal ? activity.Conversation.Id : null), ct);
        }
    }
}
