using RecognitionBot.Core.Kudos.Give;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Teams.Cards;

/// <summary>What the giver had entered, to show again with the errors (the ids of the people, the rest as typed).</summary>
public sealed record ComposerEntered(IReadOnlyList<MemberId> Recipients, string? Points, IReadOnlyList<string> Values, string? Message, bool Private);

/// <summary>
/// The core's <see cref="ComposerView"/> as an Adaptive Card form: a people picker that asks the bot as the giver types
/// (<c>choices.data</c>, dataset <see cref="PeopleDataset"/>, answered through <c>application/search</c>), points, the
/// workspace's values, the message and the private toggle, each input named by its <see cref="ComposerFields"/> id.
/// In a chat the button is an Action.Execute (the card is answered in place); in a dialog (the message extension)
/// an Action.Submit, which Teams sends as <c>composeExtension/submitAction</c>. Errors stand under their field.
/// </summary>
public static class ComposerCard
{
    public const string PeopleDataset = "people";

    /// <summary>The data key that carries the message a kudos is for from the form to its submission.</summary>
    public const string LinkKey = "link";

    public static AdaptiveCard Render(ComposerView view, CardContext c, IReadOnlyDictionary<MemberId, string> names, bool inDialog,
        string? link = null, ComposerEntered? entered = null, IReadOnlyList<(string Field, IReadOnlyList<Span> Error)>? errors = null)
    {
        var body = new List<CardElement>();
        if (!inDialog) body.Add(new TextBlock(CardText.Ours(view.Title)) { Size = TextSize.Medium, Weight = TextWeight.Bolder });
        if (view.About is { } about) body.Add(new TextBlock(TeamsCards.Markdown(about.Spans, c)));
        body.Add(new TextBlock(TeamsCards.Markdown(view.Intro.Spans, c)) { IsSubtle = true });

        void Field(CardElement input, string? hint = null)
        {
            body.Add(input);
            if (hint is not null) body.Add(new TextBlock(CardText.Ours(hint)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
            foreach (var (_, error) in (errors ?? []).Where(e => e.Field == input.Id))
                body.Add(new TextBlock(TeamsCards.Markdown(error, c)) { Color = TextColor.Attention, Spacing = Spacing.Small });
        }

        var people = entered?.Recipients ?? view.Recipients.Initial;
        Field(new InputChoiceSet(view.Recipients.Label, [.. people.Select(p => new Choice(names.GetValueOrDefault(p, p.Value), p.Value))])
        {
            Id = view.Recipients.Id,
            Placeholder = view.Recipients.Placeholder,
            IsMultiSelect = true,
            Style = "filtered",
            ChoicesData = new DataQuery(PeopleDataset),
            Value = people.Count == 0 ? null : string.Join(',', people.Select(p => p.Value)),
        });
        Field(new InputNumber(view.Points.Label)
        {
            Id = view.Points.Id,
            Min = view.Points.Min,
            Max = view.Points.Max,
            Value = int.TryParse(entered?.Points, out var typed) ? typed : view.Points.Initial,
        }, view.Points.Hint);
        // No values configured: no field (a choice set needs options).
        if (view.Values.Options.Count > 0)
            Field(new InputChoiceSet(view.Values.Label, [.. view.Values.Options.Select(o => new Choice(o.Label, o.Value))])
            {
                Id = view.Values.Id,
                Placeholder = view.Values.Placeholder,
                IsMultiSelect = true,
                Value = entered?.Values is { Count: > 0 } values ? string.Join(',', values) : null,
            });
        Field(new InputText(view.Message.Label)
        {
            Id = view.Message.Id,
            Placeholder = view.Message.Placeholder,
            IsMultiline = true,
            MaxLength = view.Message.MaxLength,
            Value = entered?.Message,
        });
        Field(new InputToggle(view.Private.Label, view.Private.OptionLabel)
        {
            Id = view.Private.Id,
            ValueOn = view.Private.OnValue,
            Value = entered?.Private == true ? view.Private.OnValue : null,
        });

        var data = new Dictionary<string, string>();
        if (link is not null) data[LinkKey] = link;
        CardAction submit = inDialog
            ? new SubmitAction(view.Submit, data) { Style = ActionStyle.Positive }
            : new ExecuteAction(view.Submit, ViewVerbs.Give, data) { Style = ActionStyle.Positive, AssociatedInputs = "auto" };
        return c.Card(body, [submit]);
    }

    /// <summary>The card's inputs as the core reads a composer: the picker's comma-separated ids, the toggle's "on".</summary>
    public static ComposerEntered Read(IReadOnlyDictionary<string, string> data)
    {
        static IReadOnlyList<string> List(string? value) =>
            [.. (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        string? Get(string key) => data.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        return new ComposerEntered(
            [.. List(Get(ComposerFields.Recipients)).Distinct(StringComparer.OrdinalIgnoreCase).Select(id => new MemberId(id))],
            Get(ComposerFields.Points),
            List(Get(ComposerFields.Values)),
            Get(ComposerFields.Message),
            Get(ComposerFields.Private) == ComposerFields.PrivateOn);
    }

    public static ComposerInput ToInput(this ComposerEntered entered) =>
        new(entered.Recipients, entered.Points, entered.Values, entered.Message, entered.Private);
}
