using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams.Cards;

namespace RecognitionBot.Teams;

/// <summary>
/// The Teams adapter: turns an authenticated activity into a core command (mentions resolved to members through
/// the connector), and the core's result into a card. Remembers where people and conversations are, for later posts.
/// </summary>
public sealed partial class TeamsBot(
    RecognitionService recognition,
    TeamsReferences references,
    TeamsPoster poster,
    BotConnectorClient connector,
    DeliveryKeys deliveries,
    GraphAccounts accounts,
    GraphDirectory graph,
    TeamsPeopleSearch peopleSearch,
    Microsoft.Extensions.Options.IOptions<Web.DashboardAddress> dashboard,
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
            if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke) await LearnSenderAsync(workspace, activity, ct);
            return activity.Type switch
            {
                ActivityTypes.Message => await OnMessageAsync(workspace, activity, ct),
                ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction => await OnCardActionAsync(workspace, activity, ct),
                ActivityTypes.Invoke when activity.Name == InvokeNames.Search => await OnSearchAsync(workspace, activity, ct),
                ActivityTypes.Invoke when activity.Name == InvokeNames.FetchTask => await OnFetchTaskAsync(workspace, activity, ct),
                ActivityTypes.Invoke when activity.Name == InvokeNames.SubmitAction => await OnSubmitActionAsync(workspace, activity, ct),
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
        var actor = Actor(activity);
        var resolved = new Dictionary<string, ResolvedMention>(StringComparer.OrdinalIgnoreCase);
        Answer answer;
        var text = "";
        try
        {
            foreach (var mention in TeamsMentions.PeopleMentioned(activity))
                resolved[mention.Mentioned!.Id!] = await ResolveAsync(workspace, activity, mention.Mentioned, ct);
            if (await ExpandTagsAsync(workspace, activity, ct) is not { } tags)
            {
                await AnswerTagUnavailableAsync(workspace, activity, ct);
                return null;
            }
            text = TeamsMentions.ToCommandText(activity, resolved, tags);
            if (AsksForComposer(text))
            {
                await OfferComposerAsync(workspace, activity, ct);
                return null;
            }
            var context = new CommandContext(workspace, actor, Where(activity),
                DeliveryKeys.For(activity.Conversation!.Id, activity.Id), activity.Locale);
            answer = await recognition.AnswerTextAsync(context, text, ct);
        }
        catch (Exception e) when (e is BotConnectorException or HttpRequestException)
        {
            logger.LogWarning(e, "Could not resolve the mentions of activity {Id} in {Workspace}", activity.Id, workspace);
            answer = new Answer(new Refused(Refusal.Busy), await recognition.ReaderAsync(workspace, activity.Locale, ct));
        }
        catch (Azure.RequestFailedException e)
        {
            logger.LogWarning(e, "Storage failed while resolving the mentions of activity {Id} in {Workspace}", activity.Id, workspace);
            answer = new Answer(new Refused(Refusal.StorageUnavailable), await recognition.ReaderAsync(workspace, activity.Locale, ct));
        }

        var (result, reader) = answer;
        var namesOnly = resolved.Values.Where(r => !r.Found).ToDictionary(r => new MemberId(r.MemberId), r => r.Name);
        var card = await RenderAsync(workspace, reader, result, namesOnly, ct);
        if (MentionHint(activity, text, result) is { } hint)
            card = card with { Body = [.. card.Body, new TextBlock(TeamsTexts.For(reader)[hint]) { IsSubtle = true }] };
        if (result is HelpView) card = card with { Actions = [.. card.Actions ?? [], TeamsCards.ComposeButton(TeamsTexts.For(reader))] };
        await AnswerAsync(workspace, activity, actor, result, card, reader, ct);
        return null;
    }

    /// <summary>
    /// "@Ann" typed as plain words is not a mention, and in the 1:1 chat Teams offers no way to mention a colleague:
    /// when a command lacks its person and the words have an @name, say how to mention in Teams (or where).
    /// </summary>
    private static string? MentionHint(Activity activity, string text, CommandResult result)
    {
        if (result is not NotUnderstood { Error: ParseError.NoRecipient or ParseError.MissingMember }) return null;
        if (!TeamsMentions.HasTypedHandle(text)) return null;
        return activity.Conversation!.ConversationType == ConversationTypes.Personal ? "Mention.NotInPersonal" : "Mention.HowTo";
    }

    /// <summary>
    /// Answers where the command was typed. What is only the asker's business (balance, history, settings, their
    /// rewards and requests) goes to their 1:1 chat when asked in a channel or group chat. So does a kudos'
    /// confirmation (the allowance left): there the celebration is the only public post, and the channel gets no
    /// reply at all, unless the 1:1 chat cannot be reached, when it gets a neutral line without names or numbers.
    /// </summary>
    private async Task AnswerAsync(WorkspaceId workspace, Activity activity, MemberId actor, CommandResult result, AdaptiveCard card,
        Reader reader, CancellationToken ct)
    {
        // An integration's secret above all: shown to the admin alone, never in a channel.
        var personalResult = result is BalanceView or HistoryView or SettingsView or RewardsView or RedemptionView or AuditLogView or KudosGiven
            or Core.Integrations.IntegrationCreated or Core.Integrations.IntegrationsView or Core.Awards.NominationMade;
        if (personalResult && activity.Conversation!.ConversationType != ConversationTypes.Personal)
        {
            var texts = TeamsTexts.For(reader);
            var noOne = new CardContext(texts, new Dictionary<MemberId, TeamsPerson>());
            try
            {
                await poster.ToMemberAsync(workspace, actor, TeamsPoster.Message(card), ct);
                if (result is KudosGiven) return;
                card = TeamsCards.Text(texts["SentPrivately"], noOne);
            }
            catch (Exception e) when (e is BotConnectorException or HttpRequestException)
            {
                // No 1:1 chat possible (the app is not installed for them): answer here rather than not at all.
                logger.LogInformation("Could not answer {Member} privately ({Error}); answering in the conversation", actor, e.Message);
                if (result is KudosGiven) card = TeamsCards.Text(texts["Given.Neutral"], noOne);
                // A nomination is private: the channel never reads whom.
                if (result is Core.Awards.NominationMade) card = TeamsCards.Text(texts["Nominated.Neutral"], noOne);
                if (result is Core.Integrations.IntegrationCreated or Core.Integrations.IntegrationsView)
                    card = TeamsCards.Text(texts["Integration.NotPrivate"], noOne);
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

    /// <summary>
    /// A mentioned person as a member id: their AAD object id, from the mention, our references or the conversation's
    /// roster. The roster is read once per person, for their role and tenant (a guest or another tenant's user is an
    /// outsider); if it cannot be read, a person known otherwise still counts.
    /// </summary>
    private async Task<ResolvedMention> ResolveAsync(WorkspaceId workspace, Activity activity, ChannelAccount mentioned, CancellationToken ct)
    {
        var id = mentioned.Id!;
        var name = mentioned.Name ?? id;
        if (id.StartsWith("28:", StringComparison.Ordinal)) return new ResolvedMention(id, name, true);
        var aad = mentioned.AadObjectId ?? await references.FindAadIdAsync(workspace, id, ct);
        var known = aad is null ? null : await references.FindPersonAsync(workspace, new MemberId(aad), ct);
        if (known?.Role is null && await RosterEntryAsync(activity, id, mayFail: aad is not null, ct) is { AadId: { } rostered } member)
        {
            var person = await references.SavePersonAsync(workspace, TeamsPerson.FromRoster(member, rostered, name, activity.ServiceUrl), ct);
            return new ResolvedMention(rostered, person.Name, true);
        }
        if (aad is null) return new ResolvedMention(id, name, false);
        if (mentioned.AadObjectId is not null) await references.SavePersonAsync(workspace, new TeamsPerson(aad, name, id, activity.ServiceUrl), ct);
        return new ResolvedMention(aad, known?.Name ?? name, true);
    }

    private async Task<TeamsChannelAccount?> RosterEntryAsync(Activity activity, string memberId, bool mayFail, CancellationToken ct)
    {
        try
        {
            return await connector.GetMemberAsync(activity.ServiceUrl!, activity.Conversation!.Id!, memberId, ct);
        }
        catch (Exception e) when (mayFail && e is BotConnectorException or HttpRequestException)
        {
            logger.LogWarning(e, "Could not read the roster entry of {Member}; going by what we know", memberId);
            return null;
        }
    }

    /// <summary>
    /// The sender's role and tenant from the conversation's roster, once per person, so a guest or a user of another
    /// tenant (shared channel) is refused as a giver or redeemer. Teams' activities do not say; if the roster cannot
    /// be read now, it is asked again on their next activity.
    /// </summary>
    private async Task LearnSenderAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        if (activity.From is not { Id: { } fromId } from || fromId.StartsWith("28:", StringComparison.Ordinal)) return;
        try
        {
            var known = await references.FindPersonAsync(workspace, Actor(activity), ct);
            if (known?.Role is not null) return;
            var member = await connector.GetMemberAsync(activity.ServiceUrl!, activity.Conversation!.Id!, fromId, ct);
            if (member is null) return;
            await references.SavePersonAsync(workspace, TeamsPerson.FromRoster(member, Actor(activity).Value, from.Name ?? "", activity.ServiceUrl), ct);
        }
        catch (Exception e) when (e is BotConnectorException or HttpRequestException || StorageFaults.IsFault(e))
        {
            logger.LogWarning(e, "Could not read the roster entry of the sender of activity {Id} in {Workspace}", activity.Id, workspace);
        }
    }

    private async Task<AdaptiveCard> RenderAsync(WorkspaceId workspace, Reader reader, CommandResult result,
        IReadOnlyDictionary<MemberId, string>? namesOnly, CancellationToken ct)
    {
        var texts = TeamsTexts.For(reader);
        var v = TeamsTexts.View(reader);
        var view = ResultViews.For(result, v);
        // The help ends with where to see everything else, as Slack's does, when there is a dashboard.
        if (result is HelpView) view = DashboardLine.Append(view, dashboard.Value.Link(), v);
        return await RenderAsync(workspace, texts, view, namesOnly, ct);
    }

    /// <summary>A view as a card, with the names of everyone it names looked up first.</summary>
    private async Task<AdaptiveCard> RenderAsync(
        WorkspaceId workspace, TeamsTexts texts, View view, IReadOnlyDictionary<MemberId, string>? namesOnly, CancellationToken ct) =>
        TeamsCards.Render(view, new CardContext(texts, await PeopleAsync(workspace, view.People, ct), namesOnly));

    // Names make cards friendlier, but an answer without mentions beats no answer.
    private async Task<IReadOnlyDictionary<MemberId, TeamsPerson>> PeopleAsync(WorkspaceId workspace, IEnumerable<MemberId> members, CancellationToken ct)
    {
        try
        {
            return await references.FindPeopleAsync(workspace, members, ct);
        }
        catch (Exception e) when (StorageFaults.IsFault(e))
        {
            logger.LogWarning(e, "Could not read names in {Workspace}", workspace);
            return new Dictionary<MemberId, TeamsPerson>();
        }
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
        // Private and shared channels are seen by their members only: their kudos stay out of the team's digest.
        ConversationTypes.Channel => new ConversationRef(RootId(activity),
            activity.ChannelData?.Channel?.MembershipType is null or "standard" ? ConversationKind.Channel : ConversationKind.PrivateChannel,
            activity.ChannelData?.Team?.Id),
        ConversationTypes.GroupChat => new ConversationRef(RootId(activity), ConversationKind.Group),
        _ => new ConversationRef(RootId(activity), ConversationKind.Direct),
    };
}
