using System.Security.Cryptography;
using System.Text;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos.Give;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams.Cards;

namespace RecognitionBot.Teams;

/// <summary>
/// The composer (SPEC "Surfaces"): a card form with a people picker, for the 1:1 chat where Teams sends no mentions,
/// and for channels. Opened by <c>kudos</c> alone, by the "Give kudos" button of the welcome and help cards, and as
/// the dialog of the message extension "Give kudos" (the message's author chosen, the message linked in the
/// celebration). Every submission goes through the core's composer reading and the same give handler as the typed
/// command; what needs fixing is shown under its field, and nothing is written.
/// </summary>
public sealed partial class TeamsBot
{
    /// <summary><c>kudos</c> (or <c>/kudos</c>) with nothing after it.</summary>
    private static bool AsksForComposer(string commandText) =>
        commandText.Trim().TrimStart('/').Equals("kudos", StringComparison.OrdinalIgnoreCase);

    private async Task OfferComposerAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var card = await ComposerCardAsync(Context(workspace, activity, null), [], null, inDialog: false, null, null, ct);
        try
        {
            await connector.ReplyAsync(activity.ServiceUrl!, activity.Conversation!.Id!, activity.Id ?? "", TeamsPoster.Message(card.Card), ct);
        }
        catch (Exception e) when (e is BotConnectorException or HttpRequestException)
        {
            logger.LogWarning(e, "The composer for activity {Id} in {Workspace} could not be posted", activity.Id, workspace);
        }
    }

    /// <summary>
    /// The "Give kudos" button (Action.Execute <see cref="ViewVerbs.Compose"/>) and the composer's own button (<see cref="ViewVerbs.Give"/>).
    /// </summary>
    private async Task<InvokeResponse> OnComposerActionAsync(WorkspaceId workspace, Activity activity, AdaptiveCardInvoke action, CancellationToken ct)
    {
        if (action.Verb == ViewVerbs.Compose)
        {
            // A gaps note's "Send a surprise kudos" names its person; the home's "Give kudos" nobody.
            IReadOnlyList<MemberId> chosen = ViewVerbs.ComposeRecipient(action.Get(ViewVerbs.SubjectKey(ViewVerbs.Compose))) is { } m ? [m] : [];
            return AdaptiveCardInvokeResponse.Card((await ComposerCardAsync(Context(workspace, activity, null), chosen, null, false, null, null, ct)).Card);
        }
        var (card, _) = await SubmitAsync(workspace, activity, action.Data, inDialog: false, ct);
        return AdaptiveCardInvokeResponse.Card(card);
    }

    /// <summary>The message extension's dialog: the composer with the message's author chosen and the message kept as the link.</summary>
    private async Task<InvokeResponse> OnFetchTaskAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var invoke = MessageExtensionAction.From(activity.Value);
        var context = Context(workspace, activity, null);
        if (invoke.CommandId != MessageExtensionAction.GiveKudos)
            return TaskModuleResponse.Message(TeamsTexts.For(await recognition.ReaderAsync(workspace, activity.Locale, ct))["UnknownAction"]);
        List<MemberId> author = [];
        string? link = null;
        if (MessageExtensionContexts.IsMessage(invoke.CommandContext) && invoke.MessagePayload is { } message)
        {
            link = message.LinkToMessage;
            // A message an app wrote has no user: nobody is chosen, the giver picks.
            if (message.From?.User is { Id: { Length: > 0 } id } user)
                author.Add(new MemberId(await ResolveByAadAsync(workspace, activity, new GraphPerson(id, user.DisplayName ?? id, null), ct)));
        }
        var (card, title) = await ComposerCardAsync(context, author, link, inDialog: true, null, null, ct);
        return title is null ? TaskModuleResponse.Message(PlainText(card)) : TaskModuleResponse.Card(title, card);
    }

    /// <summary>The dialog sent: given (a short note; the celebration and the confirmation follow as posts), or the dialog again with the errors.</summary>
    private async Task<InvokeResponse> OnSubmitActionAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var invoke = MessageExtensionAction.From(activity.Value);
        if (invoke.CommandId != MessageExtensionAction.GiveKudos)
            return TaskModuleResponse.Message(TeamsTexts.For(await recognition.ReaderAsync(workspace, activity.Locale, ct))["UnknownAction"]);
        var (card, title) = await SubmitAsync(workspace, activity, invoke.Inputs(), inDialog: true, ct);
        return title is null ? TaskModuleResponse.Message(PlainText(card)) : TaskModuleResponse.Card(title, card);
    }

    /// <summary>A typeahead of ours asking for people (<see cref="ComposerCard.PeopleDataset"/>).</summary>
    private async Task<InvokeResponse> OnSearchAsync(WorkspaceId workspace, Activity activity, CancellationToken ct)
    {
        var search = SearchInvoke.From(activity.Value);
        if (search.Dataset != ComposerCard.PeopleDataset) return SearchResponse.Of([]);
        var top = search.QueryOptions?.Top ?? TeamsPeopleSearch.MaxResults;
        return SearchResponse.Of(await peopleSearch.SearchAsync(workspace, activity, search.QueryText ?? "", top, ct));
    }

    /// <summary>
    /// Reads a submitted composer and gives through the core. The card to show next: the confirmation when given,
    /// else the composer again with what was entered and the errors under their fields. The title is null when the
    /// card is not a composer (given, or refused as a whole).
    /// </summary>
    private async Task<(AdaptiveCard Card, string? Title)> SubmitAsync(WorkspaceId workspace, Activity activity,
        IReadOnlyDictionary<string, string> data, bool inDialog, CancellationToken ct)
    {
        var entered = ComposerCard.Read(data);
        var link = data.TryGetValue(ComposerCard.LinkKey, out var l) && !string.IsNullOrWhiteSpace(l) ? l : null;
        // People chosen in the picker are known by their AAD id; their roster entry says whether they may receive.
        var recipients = new List<MemberId>();
        foreach (var r in entered.Recipients.Take(50))
            recipients.Add(new MemberId(await ResolveByAadAsync(workspace, activity, new GraphPerson(r.Value, "", null), ct)));
        entered = entered with { Recipients = recipients };

        // A double click sends the same inputs twice: one delivery. Changed inputs after an error are a new one.
        var context = Context(workspace, activity, Fingerprint(activity, data));
        var (result, reader) = await recognition.AnswerAsync(context, new SubmitComposerCommand(entered.ToInput()) { Link = link }, ct);
        // Refused by the pipeline itself (busy, storage) or as a whole: said on the first field, like the core's own refusals.
        var refused = result is ComposerRefused composer ? composer.Errors : ComposerSubmission.ErrorsFor(result);
        if (refused.Count == 0) return (await RenderAsync(workspace, reader, result, null, ct), null);
        var v = TeamsTexts.View(reader);
        var errors = refused.Select(e => (e.Field, ComposerView.Error(e.Reason, v))).ToList();
        return await ComposerCardAsync(Context(workspace, activity, null), entered.Recipients, link, inDialog, entered, errors, ct);
    }

    /// <summary>The composer for the giver (the core says what it offers), or the core's refusal (a guest may not give) as a card.</summary>
    private async Task<(AdaptiveCard Card, string? Title)> ComposerCardAsync(CommandContext context, IReadOnlyList<MemberId> recipients, string? link,
        bool inDialog, ComposerEntered? entered, IReadOnlyList<(string Field, IReadOnlyList<Span> Error)>? errors, CancellationToken ct)
    {
        var (result, reader) = await recognition.AnswerAsync(context, new ComposeCommand(recipients) { Link = link }, ct);
        if (result is not ComposerForm form) return (await RenderAsync(context.Workspace, reader, result, null, ct), null);
        var view = ComposerView.For(form, TeamsTexts.View(reader));
        var shown = entered?.Recipients ?? view.Recipients.Initial;
        var people = await PeopleAsync(context.Workspace, shown, ct);
        var names = shown.ToDictionary(m => m, m => people.TryGetValue(m, out var p) && p.Name.Length > 0 ? p.Name : m.Value);
        var texts = TeamsTexts.For(reader);
        var card = ComposerCard.Render(view, new CardContext(texts, people), names, inDialog, link, entered, errors);
        return (card, view.Title);
    }

    /// <summary>
    /// A person chosen by AAD id (the picker, a message's author, a tag): their roster entry read once, as for a
    /// mention, so a guest or someone of another tenant is refused; if the roster does not know them, what Graph said.
    /// </summary>
    private async Task<string> ResolveByAadAsync(WorkspaceId workspace, Activity activity, GraphPerson person, CancellationToken ct)
    {
        var known = await references.FindPersonAsync(workspace, new MemberId(person.AadObjectId), ct);
        if (known?.Role is not null) return person.AadObjectId;
        if (await RosterEntryAsync(activity, person.AadObjectId, mayFail: true, ct) is { AadId: { } aad } entry)
            await references.SavePersonAsync(workspace, TeamsPerson.FromRoster(entry, aad, person.DisplayName, activity.ServiceUrl), ct);
        else if (known is null && person.DisplayName.Length > 0)
            await references.SavePersonAsync(workspace, new TeamsPerson(person.AadObjectId, person.DisplayName, TenantId: person.TenantId), ct);
        return person.AadObjectId;
    }

    private CommandContext Context(WorkspaceId workspace, Activity activity, DeliveryKey? delivery) =>
        new(workspace, Actor(activity), Where(activity), delivery, activity.Locale);

    private static DeliveryKey Fingerprint(Activity activity, IReadOnlyDictionary<string, string> data)
    {
        var canonical = string.Join('\n', data.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
        return DeliveryKeys.For(activity.Conversation!.Id, activity.ReplyToId ?? activity.Id, ViewVerbs.Give, Actor(activity).Value, hash);
    }

    // A dialog's pop-up shows plain text: the card's lines without mention tags or markdown, one a line.
    private static string PlainText(AdaptiveCard card) => string.Join('\n', card.Body.SelectMany(e => e switch
    {
        TextBlock t => [Unmark(t.Text)],
        RichTextBlock r => r.Inlines.Select(i => i.Text),
        _ => [],
    }));

    private static string Unmark(string markdown) =>
        MarkdownEscape().Replace(MentionTag().Replace(markdown, "").Replace("**", "", StringComparison.Ordinal), "$1");

    [System.Text.RegularExpressions.GeneratedRegex("</?at>")]
    private static partial System.Text.RegularExpressions.Regex MentionTag();

    [System.Text.RegularExpressions.GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!>~|<])")]
    private static partial System.Text.RegularExpressions.Regex MarkdownEscape();
}
