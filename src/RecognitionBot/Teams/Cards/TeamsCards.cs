using RecognitionBot.Core.Views;

namespace RecognitionBot.Teams.Cards;

/// <summary>
/// Maps the core's views to Adaptive Cards (schema 1.5): one escaping rule per span type (our words keep their quoted
/// commands, typed words lose their markdown and mention tags, people become <c>&lt;at&gt;</c> mentions declared as
/// entities), marks become colours and weights. Pure: the contract tests parse every card with the official library.
/// </summary>
public static class TeamsCards
{
    public static AdaptiveCard Render(View view, CardContext c)
    {
        var body = new List<CardElement>();
        if (view.Title is { Length: > 0 } title)
            body.Add(view.Tone == ViewTone.Celebration
                ? new TextBlock(CardText.Ours(title)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Accent }
                : new TextBlock(CardText.Ours(title)) { Size = TextSize.Medium, Weight = TextWeight.Bolder });
        foreach (var block in view.Body)
        {
            body.Add(block switch
            {
                ViewLine line => Line(line, c),
                ViewItem item =>
                    new Container([.. item.Lines.Select(l => Line(l, c)), .. item.Action is { } a ? [new ActionSet([Action(a)])] : Array.Empty<CardElement>()])
                    {
                        Separator = true,
                        Spacing = Spacing.Medium,
                    },
                ViewActions actions => new ActionSet([.. actions.Actions.Select(Action)]) { Spacing = Spacing.Small },
                ViewFacts facts => new FactSet([.. facts.Facts.Select(f => new Fact(CardText.Ours(f.Title), Markdown(f.Value, c)))]),
                _ => throw new NotSupportedException($"No card element for {block.GetType().Name}."),
            });
        }
        return c.Card(body, [.. view.Actions.Select(Action)]);
    }

    /// <summary>A one-message answer of the Teams adapter's own (not from the core): each line its own block, so line breaks survive.</summary>
    public static AdaptiveCard Text(string text, CardContext c)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return c.Card([.. lines.Select(line => new TextBlock(CardText.Commands(line)))]);
    }

    public static AdaptiveCard Welcome(CardContext c, bool personal) => c.Card(
    [
        new TextBlock(c.T["Welcome.Title"]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
        new TextBlock(CardText.Catalogue(c.T.Core["Welcome.Text"])),
        .. personal ? Array.Empty<CardElement>() : [new TextBlock(c.T["Welcome.Team"]) { IsSubtle = true }],
    ], [ComposeButton(c.T)]);

    /// <summary>"Give kudos": opens the composer in place of the card it is on, for whoever clicks.</summary>
    public static CardAction ComposeButton(TeamsTexts t) =>
        new ExecuteAction(t.Core["Composer.Title"], ViewVerbs.Compose, new Dictionary<string, string>())
        {
            Style = ActionStyle.Positive,
            AssociatedInputs = "none",
        };

    /// <summary>Spans as Teams markdown: the one escaping rule per span type.</summary>
    public static string Markdown(IEnumerable<Span> spans, CardContext c) => string.Concat(spans.Select(span => span switch
    {
        TextSpan t => CardText.Ours(t.Text),
        MentionSpan m => c.Mention(m),
        ConversationSpan conversation => CardText.Markdown(c.Conversation(conversation.ConversationId)),
        // Teams cards have no inline code: an id people may type back is set in bold.
        CodeSpan code => $"**{CardText.Markdown(code.Text)}**",
        // Only an https address becomes a link; its label is our own words.
        LinkSpan { IsSafe: true } link => $"[{CardText.Markdown(link.Label)}]({link.Url.Replace("(", "%28").Replace(")", "%29")})",
        // Typed words, names, numbers and dates: never markdown, never a mention.
        _ => CardText.Markdown(ViewText.Plain([span])),
    }));

    private static CardElement Line(ViewLine line, CardContext c)
    {
        if (line.Style == LineStyle.Quote)
            // A user's message: a text run, which Adaptive Cards never read as markdown or mentions.
            return new RichTextBlock([new TextRun(CardText.Plain(ViewText.Plain(line.Spans))) { Italic = true }]);
        var text = new TextBlock(Markdown(line.Spans, c))
        {
            Weight = line.Style is LineStyle.Strong or LineStyle.Heading || line.Mark == LineMark.FirstPlace ? TextWeight.Bolder : null,
            IsSubtle = line.Style == LineStyle.Subtle ? true : null,
            Spacing = line.Style == LineStyle.Heading ? Spacing.Medium : null,
            Color = line.Mark switch
            {
                LineMark.Warning or LineMark.Rejected => TextColor.Attention,
                LineMark.Success => TextColor.Good,
                LineMark.Pending => TextColor.Accent,
                _ => null,
            },
        };
        if (line.Stamp is not { } stamp) return text;
        return new ColumnSet(
        [
            new Column([new TextBlock(CardText.Markdown(stamp.Text)) { IsSubtle = true }]) { Width = "auto" },
            new Column([text]) { Width = "stretch" },
        ]);
    }

    private static CardAction Action(ViewAction action)
    {
        var data = new Dictionary<string, string> { [action.SubjectKey] = action.Subject };
        var style = action.Style switch
        {
            Core.Views.ActionStyle.Primary => ActionStyle.Positive,
            Core.Views.ActionStyle.Danger => ActionStyle.Destructive,
            _ => (ActionStyle?)null,
        };
        if (action.Amount is { } amount)
        {
            // How many points: a number field on a card that opens under the button, sent with its own button.
            var choose = new AdaptiveCard
            {
                Body =
                [
                    new InputNumber(amount.Label)
                    {
                        Id = ViewVerbs.Points, Min = amount.Min, Value = amount.Value, IsRequired = true, ErrorMessage = amount.Missing,
                    },
                ],
                Actions = [new ExecuteAction(amount.Confirm, action.Verb, data) { Style = ActionStyle.Positive, AssociatedInputs = "auto" }],
            };
            return new ShowCardAction(action.Label, choose);
        }
        if (action.Choice is { } choice)
        {
            // One of a few options (a reward with an award), chosen on a card that opens under the button.
            var pick = new AdaptiveCard
            {
                Body =
                [
                    new InputChoiceSet(choice.Label, [.. choice.Options.Select(o => new Choice(CardText.Ours(o.Label), o.Value))])
                    {
                        // Input ids are unique per card: one choice list per nominee, named after its button's subject.
                        Id = ViewVerbs.ChoiceInputId(action.Subject), Value = choice.Options[0].Value,
                    },
                ],
                Actions = [new ExecuteAction(choice.Confirm, action.Verb, data) { Style = ActionStyle.Positive, AssociatedInputs = "auto" }],
            };
            return new ShowCardAction(action.Label, pick);
        }
        if (action.Reason is not { } reason) return new ExecuteAction(action.Label, action.Verb, data) { Style = style, AssociatedInputs = "none" };
        // The reason is typed on a card that opens under the button; its own button sends it along.
        var ask = new AdaptiveCard
        {
            Body = [new InputText(reason.Label) { Id = ViewVerbs.Reason, Placeholder = reason.Placeholder, IsMultiline = true, MaxLength = reason.MaxLength }],
            Actions = [new ExecuteAction(reason.Confirm, action.Verb, data) { Style = ActionStyle.Destructive, AssociatedInputs = "auto" }],
        };
        return new ShowCardAction(action.Label, ask);
    }
}
