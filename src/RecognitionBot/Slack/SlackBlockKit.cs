using System.Text.Json.Serialization;

namespace RecognitionBot.Slack;

// The slice of Block Kit the app renders, as typed records. Serialised with SlackJson.Options (snake_case, nulls
// omitted); the "type" discriminators come from the attributes, so a renderer cannot emit an unknown block type.
// The contract tests check every rendered payload against Slack's own @slack/types.

/// <summary>
/// Text composition object. Written by <see cref="TextObjectConverter"/> rather than as a polymorphic type, because
/// many fields are declared as <see cref="PlainText"/> and System.Text.Json only writes a discriminator for the base.
/// </summary>
public abstract record TextObject(string Text);

public sealed record PlainText(string Text, bool? Emoji = true) : TextObject(Text);

/// <summary>Slack's markup. Put user-provided text in <see cref="RichTextBlock"/> or escape it with <see cref="SlackText.Escape"/>.</summary>
public sealed record Mrkdwn(string Text, bool? Verbatim = null) : TextObject(Text);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(InputBlock), "input")]
[JsonDerivedType(typeof(RichTextBlock), "rich_text")]
public abstract record Block
{
    public string? BlockId { get; init; }
}

public sealed record SectionBlock(TextObject? Text = null, IReadOnlyList<TextObject>? Fields = null, BlockElement? Accessory = null) : Block;

public sealed record HeaderBlock(PlainText Text) : Block;

public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block;

public sealed record DividerBlock : Block;

public sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block;

public sealed record InputBlock(PlainText Label, BlockElement Element, bool? Optional = null, PlainText? Hint = null) : Block;

/// <summary>Text whose parts are literal: a <see cref="RichTextText"/> never pings or links, whatever it contains.</summary>
public sealed record RichTextBlock(IReadOnlyList<RichTextObject> Elements) : Block;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RichTextSection), "rich_text_section")]
[JsonDerivedType(typeof(RichTextQuote), "rich_text_quote")]
public abstract record RichTextObject(IReadOnlyList<RichTextElement> Elements);

public sealed record RichTextSection(IReadOnlyList<RichTextElement> Elements) : RichTextObject(Elements);

public sealed record RichTextQuote(IReadOnlyList<RichTextElement> Elements) : RichTextObject(Elements);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RichTextText), "text")]
[JsonDerivedType(typeof(RichTextUser), "user")]
[JsonDerivedType(typeof(RichTextUsergroup), "usergroup")]
[JsonDerivedType(typeof(RichTextEmoji), "emoji")]
public abstract record RichTextElement
{
    public RichTextStyle? Style { get; init; }
}

public sealed record RichTextText(string Text) : RichTextElement;

public sealed record RichTextUser(string UserId) : RichTextElement;

public sealed record RichTextUsergroup(string UsergroupId) : RichTextElement;

public sealed record RichTextEmoji(string Name) : RichTextElement;

public sealed record RichTextStyle(bool? Bold = null, bool? Italic = null, bool? Code = null);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonElement), "button")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
[JsonDerivedType(typeof(MultiUsersSelectElement), "multi_users_select")]
[JsonDerivedType(typeof(NumberInputElement), "number_input")]
[JsonDerivedType(typeof(MultiStaticSelectElement), "multi_static_select")]
[JsonDerivedType(typeof(CheckboxesElement), "checkboxes")]
[JsonDerivedType(typeof(StaticSelectElement), "static_select")]
public abstract record BlockElement(string ActionId);

public enum ButtonStyle
{
    Primary,
    Danger,
}

public sealed record ButtonElement(PlainText Text, string ActionId, string? Value = null, ButtonStyle? Style = null) : BlockElement(ActionId)
{
    public ConfirmDialog? Confirm { get; init; }
}

public sealed record PlainTextInputElement(string ActionId, bool? Multiline = null, int? MaxLength = null, PlainText? Placeholder = null)
    : BlockElement(ActionId)
{
    public int? MinLength { get; init; }
}

/// <summary>A people picker; Slack sends back <c>selected_users</c>.</summary>
public sealed record MultiUsersSelectElement(string ActionId, PlainText? Placeholder = null, IReadOnlyList<string>? InitialUsers = null,
    int? MaxSelectedItems = null) : BlockElement(ActionId);

/// <summary>A whole number; Slack checks the range in the client, and sends the value back as a string.</summary>
public sealed record NumberInputElement(string ActionId, bool IsDecimalAllowed = false, string? InitialValue = null, string? MinValue = null,
    string? MaxValue = null) : BlockElement(ActionId);

public sealed record MultiStaticSelectElement(string ActionId, IReadOnlyList<SlackOption> Options, PlainText? Placeholder = null)
    : BlockElement(ActionId);

/// <summary>A single choice; in a message, choosing is the click (Slack sends <c>selected_option</c> at once).</summary>
public sealed record StaticSelectElement(string ActionId, IReadOnlyList<SlackOption> Options, PlainText? Placeholder = null) : BlockElement(ActionId);

public sealed record CheckboxesElement(string ActionId, IReadOnlyList<SlackOption> Options, IReadOnlyList<SlackOption>? InitialOptions = null)
    : BlockElement(ActionId);

/// <summary>An option of a select or of checkboxes: what it shows and the value sent back.</summary>
public sealed record SlackOption(TextObject Text, string Value);

public sealed record ConfirmDialog(PlainText Title, TextObject Text, PlainText Confirm, PlainText Deny, ButtonStyle? Style = null);

/// <summary>A modal for <c>views.open</c>.</summary>
public sealed record ModalView(PlainText Title, IReadOnlyList<Block> Blocks, PlainText? Submit = null, PlainText? Close = null)
{
    [JsonPropertyOrder(-1)]
    public string Type => "modal";

    public string? CallbackId { get; init; }

    /// <summary>Carried back in the submission (e.g. which redemption and which message to update); at most 3000 chars.</summary>
    public string? PrivateMetadata { get; init; }
}

/// <summary>The App Home tab of one person, for <c>views.publish</c> (up to 100 blocks).</summary>
public sealed record HomeTabView(IReadOnlyList<Block> Blocks)
{
    [JsonPropertyOrder(-1)]
    public string Type => "home";

    public string? CallbackId { get; init; }
}

/// <summary>A message: the plain text is the notification and screen-reader fallback for the blocks.</summary>
public sealed record SlackMessage(string Text, IReadOnlyList<Block>? Blocks = null)
{
    /// <summary>No answer at all: the command opened a modal instead.</summary>
    public static SlackMessage None { get; } = new("");

    [JsonIgnore]
    public bool IsEmpty => Text.Length == 0 && Blocks is null;
}
