using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecognitionBot.Teams.Cards;

/// <summary>
/// The slice of Adaptive Card schema 1.5 (the highest Teams renders) the bot uses. Defaults are left out of the JSON,
/// so a card says only what differs; the contract tests parse every rendered card with the official library.
/// </summary>
public sealed record AdaptiveCard
{
    public const string Version15 = "1.5";

    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    /// <summary>Only the outermost card names its schema and version; a card inside Action.ShowCard does not.</summary>
    [JsonPropertyName("$schema"), JsonPropertyOrder(-2)]
    public string? Schema { get; init; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-1)]
    public string? Version { get; init; } = Version15;

    public IReadOnlyList<CardElement> Body { get; init; } = [];
    public IReadOnlyList<CardAction>? Actions { get; init; }
    /// <summary>Shown by clients that cannot render the card, and in notifications.</summary>
    public string? FallbackText { get; init; }
    public string? Speak { get; init; }
    public TeamsCardExtensions? Msteams { get; init; }

    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, CardJson.Options);

    public Attachment ToAttachment() => new() { ContentType = Attachment.AdaptiveCardContentType, Content = ToJson() };
}

/// <summary>Teams' own card properties: mention entities and the card's width.</summary>
public sealed record TeamsCardExtensions
{
    public IReadOnlyList<Entity>? Entities { get; init; }
    public string? Width { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputNumber), "Input.Number")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
[JsonDerivedType(typeof(InputToggle), "Input.Toggle")]
public abstract record CardElement
{
    public string? Id { get; init; }
    public Spacing? Spacing { get; init; }
    public bool? Separator { get; init; }
}

/// <summary>Text with Teams' markdown subset and mentions. Never put user text here unescaped: see <see cref="CardText"/>.</summary>
public sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public int? MaxLines { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

/// <summary>Runs of text that Adaptive Cards never read as markdown: the safe home for words users typed.</summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement;

public sealed record TextRun(string Text)
{
    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? Italic { get; init; }
    public bool? IsSubtle { get; init; }
}

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Fact(string Title, string Value);

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";
    /// <summary>"auto", "stretch" or a relative weight like "2".</summary>
    public string? Width { get; init; }
    public VerticalAlignment? VerticalContentAlignment { get; init; }
}

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }
}

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

/// <summary>A text box; its value arrives in the Action.Execute data under the element's id.</summary>
public sealed record InputText(string Label) : CardElement
{
    public string? Placeholder { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
    public string? Value { get; init; }
    public bool? IsRequired { get; init; }
    /// <summary>What the client says when <see cref="IsRequired"/> is not met (the schema wants one with it).</summary>
    public string? ErrorMessage { get; init; }
}

public sealed record InputNumber(string Label) : CardElement
{
    public string? Placeholder { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public double? Value { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

/// <summary>
/// A choice of options; a multi-select sends one comma-separated string. With <see cref="ChoicesData"/> Teams fetches
/// the options as the user types (an <c>application/search</c> invoke to the bot: dynamic typeahead).
/// </summary>
public sealed record InputChoiceSet(string Label, IReadOnlyList<Choice> Choices) : CardElement
{
    public string? Placeholder { get; init; }
    public bool? IsMultiSelect { get; init; }
    /// <summary>"compact", "expanded" or "filtered" (typeahead).</summary>
    public string? Style { get; init; }
    public string? Value { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }

    [JsonPropertyName("choices.data")]
    public DataQuery? ChoicesData { get; init; }
}

public sealed record Choice(string Title, string Value);

/// <summary>Where a typeahead's options come from: the dataset name arrives in the bot's <c>application/search</c> invoke.</summary>
public sealed record DataQuery(string Dataset)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Data.Query";
}

/// <summary>A checkbox; sends <see cref="ValueOn"/> when ticked, "false" when not.</summary>
public sealed record InputToggle(string Label, string Title) : CardElement
{
    public string? Value { get; init; }
    public string? ValueOn { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction(string Title)
{
    public string? Id { get; init; }
    public ActionStyle? Style { get; init; }
}

/// <summary>Universal Action: Teams sends it as an <c>adaptiveCard/action</c> invoke and shows the card we answer with.</summary>
public sealed record ExecuteAction(string Title, string Verb, IReadOnlyDictionary<string, string> Data) : CardAction(Title)
{
    /// <summary>"auto" sends the card's inputs along; "none" sends none.</summary>
    public string? AssociatedInputs { get; init; }
    /// <summary>For clients older than 1.4: the same request as a message activity.</summary>
    public CardAction? Fallback { get; init; }
}

public sealed record SubmitAction(string Title, IReadOnlyDictionary<string, string> Data) : CardAction(Title)
{
    public string? AssociatedInputs { get; init; }
}

public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title)
{
    public AdaptiveCard Card { get; init; } = Card with { Schema = null, Version = null };
}

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }
public enum TextSize { Small, Default, Medium, Large, ExtraLarge }
public enum TextWeight { Lighter, Default, Bolder }
public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }
public enum HorizontalAlignment { Left, Center, Right }
public enum VerticalAlignment { Top, Center, Bottom }
public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }
public enum ActionStyle { Default, Positive, Destructive }

public static class CardJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
