using System.Text.Json;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams.Cards;

namespace RecognitionBot.Teams;

/// <summary>
/// The Teams adapter: turns an authenticated activity into a core command (mentions resolved to members through
/// the connector), and the core's result into a card. Remembers where people and conversations are, for later posts.
/// </summary>
public sealed class TeamsBot(
    RecognitionService recognition,
    ILedger ledger,
    WorkspaceStore workspaces,
    TeamsReferences references,
    TeamsPoster poster,
    BotConnectorClient connector,
    DeliveryKeys deliveries,
    ILogger<TeamsBot> logger)
{
    public async Task<InvokeResponse?> HandleAsync(Activity activity, CancellationToken ct)
    {
        if (activity.TenantId is not { Length: > 0 } tenant || activity.Conversation?.Id is null || activity.ServiceUrl is null)
        {
            logger.LogWarning("Ignored a {Type} activity without tenant, conversation or service URL", activity.Type);
            return null;
        }
        var workspace = new WorkspaceId(Platform.Teams, tenant);

        // Teams redelivers when we are slow; the ledger is idempotent on the delivery, and here we do not answer twice.
        // An invoke is answered in its own HTTP response, so a repeated one is simply answered again (the core replays).
        var delivery = DeliveryKeys.For(activity.Conversation.Id, activity.Id ?? Guid.NewGuid().ToString("N"), activity.Type);
        if (activity.Type != ActivityTypes.Invoke && !deliveries.TryBegin(delivery))
        {
            logger.LogInformation("Activity {Id} in {Workspace} was delivered again; already handled", activity.Id, workspace);
            return null;
        }
        try
        {
            await RememberSafelyAsync(workspace, activity, ct);
            return activity.Type switch
            {
                ActivityTypes.Message => await OnMessageAsync(workspace, activity, ct),
                ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction => await OnCardActionAsync(workspace, activity, ct),
                ActivityTypes.Invoke => new InvokeResponse(StatusCodes.Status501NotImplemented, null),
                ActivityTypes.ConversationUpdate => await OnConversationUpdateAsync(workspace, activity, ct),
                ActivityTypes.InstallationUpdate => await OnInstallationUpdateAsync(workspace, activity, ct),
                _ => null,
            };
        }
        catch
        {
            deliveries.Forget(delivery);
            throw;
        }
    }

    private async Task<InvokeResponse?> OnMessageAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var settings = await SettingsAsync(workspace, ct);
        var actor = Actor(activity);
        var resolved = new Dictionary<string, ResolvedMention>(StringComparer.OrdinalIgnoreCase);
        CommandResult result;
        try
        {
            foreach (var mention in TeamsMentions.PeopleMentioned(activity))
                resolved[mention.Mentioned!.Id!] = await ResolveAsync(workspace, activity, mention.Mentioned, ct);
            var text = TeamsMentions.ToCommandText(activity, resolved);
            var context = new CommandContext(workspace, actor, Where(activity),
                DeliveryKeys.For(activity.Conversation!.Id, activity.Id), activity.Locale);
            result = await recognition.HandleTextAsync(context, text, ct);
        }
        catch (Exception e) when (e is BotConnectorException or HttpRequestException)
        {
            logger.LogWarning(e, "Could not resolve the mentions of activity {Id} in {Workspace}", activity.Id, workspace);
            result = new Refused(Refusal.Busy);
        }
        catch (Azure.RequestFailedException e)
        {
            logger.LogWarning(e, "Storage failed while resolving the mentions of activity {Id} in {Workspace}", activity.Id, workspace);
            result = new Refused(Refusal.StorageUnavailable);
        }

        var namesOnly = resolved.Values.Where(r => !r.Found).ToDictionary(r => new MemberId(r.MemberId), r => r.Name);
        var card = await RenderAsync(workspace, settings, activity.Locale, result, namesOnly, ct);
        await AnswerAsync(workspace, activity, actor, result, card, settings, ct);
        return null;
    }

    /// <summary>
    /// Answers where the command was typed. What is only the asker's business (balance, history, settings, their
    /// rewards and requests) goes to their 1:1 chat when asked in a channel or group chat.
    /// </summary>
    private async Task AnswerAsync(WorkspaceId workspace, Activity activity, MemberId actor, CommandResult result, AdaptiveCard card,
        WorkspaceSettings settings, CancellationToken ct)
    {
        var personalResult = result is BalanceView or HistoryView or SettingsView or RewardsView or RedemptionView;
        if (personalResult && activity.Conversation!.ConversationType != ConversationTypes.Personal)
        {
            try
            {
                await poster.ToMemberAsync(workspace, actor, TeamsPoster.Message(card), ct);
                var texts = TeamsTexts.For(activity.Locale, settings.DefaultLocale);
                card = TeamsCards.Text(texts["SentPrivately"], new CardContext(texts, settings.Zone, new Dictionary<MemberId, TeamsPerson>()));
            }
            catch (Exception e) when (e is BotConnectorException or HttpRequestException)
            {
                // No 1:1 chat possible (the app is not installed for them): answer here rather than not at all.
                logger.LogInformation("Could not answer {Member} privately ({Error}); answering in the conversation", actor, e.Message);
            }
        }
        try
        {
            await connector.ReplyAsync(activity.ServiceUrl!, activity.Conversation!.Id!, activity.Id ?? "", TeamsPoster.Message(card), ct);
        }
        catch (Exception e) when (e is BotConnectorException or HttpRequestException)
        {
            // The command itself is done (or refused) and recorded; only the answer is lost, and Teams must not redeliver.
            logger.LogWarning(e, "The answer to activity {Id} in {Workspace} could not be posted", activity.Id, workspace);
        }
    }

    /// <summary>Action.Execute from one of our cards: the HTTP response carries the refreshed card for the person who clicked.</summary>
    private async Task<InvokeResponse?> OnCardActionAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var settings = await SettingsAsync(workspace, ct);
        var texts = TeamsTexts.For(activity.Locale, settings.DefaultLocale);
        var (verb, data) = ReadAction(activity.Value);
        var actor = Actor(activity);
        string? Get(string key) => data.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        KudosCommand? command = verb switch
        {
            CardVerbs.Redeem when Get(CardVerbs.RewardId) is { } reward => new RedeemCommand(reward),
            CardVerbs.Approve when Get(CardVerbs.RedemptionId) is { } id => new DecideRedemptionCommand(id, true, null),
            CardVerbs.Reject when Get(CardVerbs.RedemptionId) is { } id => new DecideRedemptionCommand(id, false, Get(CardVerbs.Reason)),
            CardVerbs.Cancel when Get(CardVerbs.RedemptionId) is { } id => new CancelRedemptionCommand(id),
            _ => null,
        };
        if (command is null)
        {
            logger.LogWarning("Unknown card action {Verb} in {Workspace}", verb, workspace);
            return MessageResponse(texts["UnknownAction"]);
        }

        // A double click on the same card button is one delivery: the second returns the first answer.
        var subject = Get(CardVerbs.RewardId) ?? Get(CardVerbs.RedemptionId);
        var context = new CommandContext(workspace, actor, Where(activity),
            DeliveryKeys.For(activity.Conversation!.Id, activity.ReplyToId ?? activity.Id, verb, subject, actor.Value), activity.Locale);
        var result = await recognition.HandleAsync(context, command, ct);

        AdaptiveCard card;
        switch (command)
        {
            case RedeemCommand:
                // The catalog stays on screen, refreshed, with what just happened on top.
                var notice = await DescribeAsync(workspace, settings, texts, result, ct);
                var catalog = await recognition.HandleAsync(context with { DeliveryKey = null }, new RewardsCommand(), ct);
                card = catalog is RewardsView view
                    ? TeamsCards.Rewards(view, await ContextAsync(workspace, settings, texts, [], ct), notice, result is Refused)
                    : await RenderAsync(workspace, settings, activity.Locale, result, null, ct);
                break;
            case DecideRedemptionCommand decide when result is RedemptionView decided:
                card = TeamsCards.Approval(decided.Redemption, decided.RequesterAvailable,
                    await ContextAsync(workspace, settings, texts, TeamsCards.PeopleIn(decided), ct),
                    decided.Change == RedemptionChange.Unchanged ? TeamsCards.Describe(decided, await ContextAsync(workspace, settings, texts, TeamsCards.PeopleIn(decided), ct)) : null);
                break;
            case DecideRedemptionCommand decide when await ledger.GetRedemptionAsync(workspace, decide.RedemptionId, ct) is { } current:
                // Refused (not an approver, own request): the card as it stands, with why nothing happened.
                var requester = await ledger.GetMemberAsync(workspace, current.Requester, ct);
                var c = await ContextAsync(workspace, settings, texts, TeamsCards.PeopleIn(current), ct);
                card = TeamsCards.Approval(current, requester.Balance.Available, c, TeamsCards.Describe(result, c));
                break;
            default:
                card = await RenderAsync(workspace, settings, activity.Locale, result, null, ct);
                break;
        }
        return new InvokeResponse(StatusCodes.Status200OK, new Dictionary<string, object>
        {
            ["statusCode"] = StatusCodes.Status200OK,
            ["type"] = Attachment.AdaptiveCardContentType,
            ["value"] = card.ToJson(),
        });
    }

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
            if (member.Id == botId)
            {
                await MakeFirstAdminAsync(workspace, activity, ct);
                await WelcomeAsync(workspace, activity, ct);
            }
            else if (member.AadObjectId is { } aad)
                await references.SavePersonAsync(workspace, new TeamsPerson(aad, member.Name ?? "", member.Id, activity.ServiceUrl), ct);
        }
        return null;
    }

    private async Task<InvokeResponse?> OnInstallationUpdateAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        if (activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (activity.Action == "remove") await references.ForgetConversationAsync(workspace, RootId(activity), ct);
            return null;
        }
        await MakeFirstAdminAsync(workspace, activity, ct);
        if (activity.Action == "add") await WelcomeAsync(workspace, activity, ct);
        return null;
    }

    /// <summary>Somebody has to be able to run admin commands: the first person to add the app in a tenant.</summary>
    private async Task MakeFirstAdminAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        if (activity.From?.Id is null || activity.From.Id.StartsWith("28:", StringComparison.Ordinal)) return;
        var installer = Actor(activity);
        if ((await workspaces.GetAsync(workspace, ct)).Admins.Count > 0) return;
        await workspaces.UpdateAsync(workspace, s => s.Admins.Count == 0 ? s with { Admins = [installer] } : s, ct);
        logger.LogInformation("{Member} added the app and is the first admin of {Workspace}", installer, workspace);
    }

    /// <summary>A short hello, once per conversation, however many install events Teams sends.</summary>
    private async Task WelcomeAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var conversation = await references.FindConversationAsync(workspace, RootId(activity), ct);
        if (conversation is null || conversation.Welcomed) return;
        var settings = await SettingsAsync(workspace, ct);
        var texts = TeamsTexts.For(activity.Locale, settings.DefaultLocale);
        var personal = activity.Conversation!.ConversationType == ConversationTypes.Personal;
        var card = TeamsCards.Welcome(new CardContext(texts, settings.Zone, new Dictionary<MemberId, TeamsPerson>()), personal);
        try
        {
            await connector.SendAsync(conversation.ServiceUrl, conversation.ConversationId, TeamsPoster.Message(card), ct);
            await references.SaveConversationAsync(workspace, conversation with { Welcomed = true }, ct);
        }
        catch (Exception e) when (e is BotConnectorException or HttpRequestException)
        {
            logger.LogWarning(e, "The welcome in {Workspace} could not be posted", workspace);
        }
    }

    // References help later posts; failing to store them must not cost the user their answer (the core reports storage trouble itself).
    private async Task RememberSafelyAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        try
        {
            await RememberAsync(workspace, activity, ct);
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            logger.LogWarning(e, "Could not store where to reach {Conversation} in {Workspace}", activity.Conversation?.Id, workspace);
        }
    }

    /// <summary>The workspace's settings, or the defaults while storage is unreachable (the core then refuses with "try again").</summary>
    private async Task<WorkspaceSettings> SettingsAsync(WorkspaceId workspace, CancellationToken ct)
    {
        try
        {
            return await workspaces.GetAsync(workspace, ct);
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            logger.LogWarning(e, "Could not read the settings of {Workspace}", workspace);
            return new WorkspaceSettings();
        }
    }

    private static bool IsStorageFault(Exception e) => e is Azure.RequestFailedException or HttpRequestException or TaskCanceledException;

    /// <summary>Where to reach this conversation, its sender and the tenant later; written only when something changed.</summary>
    private async Task RememberAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var serviceUrl = activity.ServiceUrl!;
        if (activity.Recipient?.Id is { } botId) await references.SaveTenantAsync(workspace, new TeamsTenant(serviceUrl, botId), ct);
        var channelData = activity.ChannelData;
        var type = activity.Conversation!.ConversationType ?? ConversationTypes.Personal;
        var existing = await references.FindConversationAsync(workspace, RootId(activity), ct);
        var name = channelData?.Channel?.Name ?? channelData?.Team?.Name ?? activity.Conversation.Name ?? existing?.Name;
        await references.SaveConversationAsync(workspace, new TeamsConversation(serviceUrl, RootId(activity), type, workspace.Id,
            channelData?.Team?.Id, name, existing?.Welcomed ?? false), ct);

        if (activity.From is { Id: { } fromId } from && !fromId.StartsWith("28:", StringComparison.Ordinal))
        {
            var aad = from.AadObjectId ?? fromId;
            await references.SavePersonAsync(workspace, new TeamsPerson(aad, from.Name ?? "", fromId, serviceUrl,
                type == ConversationTypes.Personal ? activity.Conversation.Id : null), ct);
        }
    }

    /// <summary>A mentioned person as a member id: their AAD object id, from our references or the conversation's roster.</summary>
    private async Task<ResolvedMention> ResolveAsync(WorkspaceId workspace, Activity activity, ChannelAccount mentioned, CancellationToken ct)
    {
        var id = mentioned.Id!;
        var name = mentioned.Name ?? id;
        if (id.StartsWith("28:", StringComparison.Ordinal)) return new ResolvedMention(id, name, true);
        if (mentioned.AadObjectId is { } direct)
        {
            await references.SavePersonAsync(workspace, new TeamsPerson(direct, name, id, activity.ServiceUrl), ct);
            return new ResolvedMention(direct, name, true);
        }
        if (await references.FindAadIdAsync(workspace, id, ct) is { } known) return new ResolvedMention(known, name, true);

        var member = await connector.GetMemberAsync(activity.ServiceUrl!, activity.Conversation!.Id!, id, ct);
        if (member?.AadId is not { } aad) return new ResolvedMention(id, name, false);
        await references.SavePersonAsync(workspace, new TeamsPerson(aad, member.Name ?? name, member.Id ?? id, activity.ServiceUrl), ct);
        return new ResolvedMention(aad, member.Name ?? name, true);
    }

    private async Task<AdaptiveCard> RenderAsync(WorkspaceId workspace, WorkspaceSettings settings, string? locale, CommandResult result,
        IReadOnlyDictionary<MemberId, string>? namesOnly, CancellationToken ct)
    {
        var people = await PeopleAsync(workspace, TeamsCards.PeopleIn(result), ct);
        var context = new CardContext(TeamsTexts.For(locale, settings.DefaultLocale), settings.Zone, people, namesOnly);
        return TeamsCards.ForResult(result, context);
    }

    private async Task<CardContext> ContextAsync(WorkspaceId workspace, WorkspaceSettings settings, TeamsTexts texts, IEnumerable<MemberId> members, CancellationToken ct) =>
        new(texts, settings.Zone, await PeopleAsync(workspace, members, ct));

    // Names make cards friendlier, but an answer without mentions beats no answer.
    private async Task<IReadOnlyDictionary<MemberId, TeamsPerson>> PeopleAsync(WorkspaceId workspace, IEnumerable<MemberId> members, CancellationToken ct)
    {
        try
        {
            return await references.FindPeopleAsync(workspace, members, ct);
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            logger.LogWarning(e, "Could not read names in {Workspace}", workspace);
            return new Dictionary<MemberId, TeamsPerson>();
        }
    }

    private async Task<string> DescribeAsync(WorkspaceId workspace, WorkspaceSettings settings, TeamsTexts texts, CommandResult result, CancellationToken ct) =>
        TeamsCards.Describe(result, await ContextAsync(workspace, settings, texts, TeamsCards.PeopleIn(result), ct));

    private static InvokeResponse MessageResponse(string text) => new(StatusCodes.Status200OK, new Dictionary<string, object>
    {
        ["statusCode"] = StatusCodes.Status200OK,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = text,
    });

    private static (string? Verb, IReadOnlyDictionary<string, string> Data) ReadAction(JsonElement? value)
    {
        var data = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            return (null, data);
        var verb = action.TryGetProperty("verb", out var vb) && vb.ValueKind == JsonValueKind.String ? vb.GetString() : null;
        if (action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object)
            foreach (var p in d.EnumerateObject())
                data[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        return (verb, data);
    }

    private static MemberId Actor(Activity activity) => new(activity.From?.AadObjectId ?? activity.From?.Id ?? "");

    /// <summary>A channel thread's id carries ";messageid=…"; the channel itself is what the core and later posts need.</summary>
    private static string RootId(Activity activity)
    {
        var id = activity.Conversation!.Id!;
        var cut = id.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? id : id[..cut];
    }

    private static ConversationRef Where(Activity activity) => activity.Conversation!.ConversationType switch
    {
        ConversationTypes.Channel => new ConversationRef(RootId(activity), ConversationKind.Channel, activity.ChannelData?.Team?.Id),
        ConversationTypes.GroupChat => new ConversationRef(RootId(activity), ConversationKind.Group),
        _ => new ConversationRef(RootId(activity), ConversationKind.Direct),
    };
}
