using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Views;

/// <summary>
/// One thing the app shows, neutral and already in the reader's language: a title, blocks of typed lines, facts and
/// actions. Slack blocks and Adaptive Cards are thin mappings of it, so every surface says the same thing.
/// </summary>
public sealed record View(IReadOnlyList<ViewBlock> Body)
{
    /// <summary>Our own words only; shown as a heading.</summary>
    public string? Title { get; init; }

    /// <summary>The notification and screen-reader text; the first line when absent.</summary>
    public ViewLine? Summary { get; init; }

    /// <summary>What the whole view is about: a surface may pick a colour or an icon for it.</summary>
    public ViewTone Tone { get; init; }

    /// <summary>Buttons for the whole view, after its body.</summary>
    public IReadOnlyList<ViewAction> Actions { get; init; } = [];

    /// <summary>The text a notification shows: the summary, or else the first line, or else the title.</summary>
    public ViewLine Headline => Summary ?? Lines.FirstOrDefault() ?? ViewLine.Text(Title ?? "");

    /// <summary>Every line, at any depth, in order.</summary>
    public IEnumerable<ViewLine> Lines => Body.SelectMany(b => b switch
    {
        ViewLine line => [line],
        ViewItem item => item.Lines,
        _ => Array.Empty<ViewLine>(),
    });

    /// <summary>Everyone the view names, so a surface can look their names up before mapping it.</summary>
    public IEnumerable<MemberId> People => Lines.SelectMany(l => l.Spans).Concat(Body.OfType<ViewFacts>().SelectMany(f => f.Facts.SelectMany(x => x.Value)))
        .OfType<MentionSpan>().Select(m => m.Member).Distinct();
}

public enum ViewTone
{
    Neutral,
    Celebration,
    Success,
    Problem,
}

public abstract record ViewBlock;

/// <summary>A line of spans. <see cref="Stamp"/> puts a date in front, as history and audit lines have.</summary>
public sealed record ViewLine(IReadOnlyList<Span> Spans, LineStyle Style = LineStyle.Normal, LineMark Mark = LineMark.None) : ViewBlock
{
    public DateSpan? Stamp { get; init; }

    public static ViewLine Text(string text, LineStyle style = LineStyle.Normal, LineMark mark = LineMark.None) => new([new TextSpan(text)], style, mark);

    public static ViewLine Quote(string text) => new([new QuoteSpan(text)], LineStyle.Quote);
}

public enum LineStyle
{
    Normal,
    /// <summary>Stands out (a headline, a reward's name).</summary>
    Strong,
    /// <summary>Says less (details, footnotes).</summary>
    Subtle,
    /// <summary>Introduces the list lines that follow it.</summary>
    Heading,
    /// <summary>One entry of a list: lists may be packed together where a surface limits its blocks.</summary>
    ListItem,
    /// <summary>A line with one <see cref="QuoteSpan"/>.</summary>
    Quote,
}

/// <summary>What a line says about itself, for a surface that marks lines with icons or colours.</summary>
public enum LineMark
{
    None,
    Celebration,
    Star,
    Success,
    Warning,
    Pending,
    Rejected,
    Withdrawn,
    Private,
    FirstPlace,
    SecondPlace,
    ThirdPlace,
    NewFaces,
}

/// <summary>One entry with its own button (a reward in the catalog).</summary>
public sealed record ViewItem(IReadOnlyList<ViewLine> Lines, ViewAction? Action = null) : ViewBlock;

/// <summary>Buttons inside the body, under the line they belong to.</summary>
public sealed record ViewActions(IReadOnlyList<ViewAction> Actions) : ViewBlock;

public sealed record ViewFacts(IReadOnlyList<ViewFact> Facts) : ViewBlock;

public sealed record ViewFact(string Title, IReadOnlyList<Span> Value);

/// <summary>
/// A button: a neutral verb from <see cref="ViewVerbs"/> and the id it acts on. <see cref="Reason"/> asks for an
/// optional reason first (a modal in Slack, a card that opens under the button in Teams).
/// </summary>
public sealed record ViewAction(string Verb, string Label, string Subject, ActionStyle Style = ActionStyle.Default)
{
    public ReasonInput? Reason { get; init; }

    /// <summary>Asks how many points first: preset choices where a surface offers buttons, a number field where it offers inputs.</summary>
    public AmountInput? Amount { get; init; }

    /// <summary>Asks to pick one of a few options first (a reward with an award); the first option is the default.</summary>
    public ChoiceInput? Choice { get; init; }

    /// <summary>The payload key the subject travels under (<see cref="ViewVerbs.RewardId"/> or <see cref="ViewVerbs.RedemptionId"/>).</summary>
    public string SubjectKey => ViewVerbs.SubjectKey(Verb);
}

public enum ActionStyle
{
    Default,
    Primary,
    Danger,
}

/// <summary>
/// The number a button asks for (points to add on): its label, the preset choices (each with its own label), the value
/// a number field starts at, the confirming button's label, and what a field says when left empty.
/// </summary>
public sealed record AmountInput(string Label, IReadOnlyList<AmountChoice> Presets, int Min, int Value, string Confirm, string Missing);

public sealed record AmountChoice(int Points, string Label);

/// <summary>
/// One of a few options a button asks for: its label, the options (a value and its label), the first the default,
/// the confirming button's label. A surface with a choice list shows one; one whose choices carry the whole click
/// (Slack's select) makes each option the click.
/// </summary>
public sealed record ChoiceInput(string Label, IReadOnlyList<ChoiceOption> Options, string Confirm);

public sealed record ChoiceOption(string Value, string Label);

/// <summary>The optional reason a button asks for: its label, hint, length limit, and the confirming button's label.</summary>
public sealed record ReasonInput(string Label, string Placeholder, int MaxLength, string Confirm);
