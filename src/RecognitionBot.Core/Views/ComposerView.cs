using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Views;

/// <summary>
/// The ids of the composer's fields, the same on every surface: Slack's block and action ids, the Adaptive Card's
/// input ids. A refusal of a submitted kudos is shown on the field it is about (<see cref="For"/>).
/// </summary>
public static class ComposerFields
{
    public const string Recipients = "recipients";
    public const string Points = "points";
    public const string Values = "values";
    public const string Message = "message";
    public const string Private = "private";

    /// <summary>The value of the private toggle's one option when it is on.</summary>
    public const string PrivateOn = "on";

    public static IReadOnlyList<string> All { get; } = [Recipients, Points, Values, Message, Private];

    /// <summary>
    /// The field a refusal is about. One about the kudos as a whole (the giver is a guest, storage is down) goes on
    /// the recipients, the first field, where it is seen.
    /// </summary>
    public static string For(Refusal reason) => reason switch
    {
        Refusal.PointsOutOfRange or Refusal.AllowanceExceeded => Points,
        Refusal.MessageTooShort or Refusal.MessageTooLong => Message,
        Refusal.UnknownValue => Values,
        _ => Recipients,
    };
}

/// <summary>
/// What the composer offers in a workspace, from its settings and the giver's allowance: the values to choose from,
/// default and maximum points, how many people and how long a message, and who is already chosen (a message's
/// author). <see cref="Link"/> is what the kudos is for (a message's permalink), carried to the celebration.
/// </summary>
public sealed record ComposerForm(
    IReadOnlyList<string> Values,
    int DefaultPoints,
    int MaxPoints,
    int MaxRecipients,
    int MinMessageLength,
    int MaxMessageLength,
    AllowanceView Allowance,
    IReadOnlyList<MemberId> Recipients) : CommandResult
{
    public string? Link { get; init; }

    public static ComposerForm For(WorkspaceSettings settings, AllowanceView allowance, IReadOnlyList<MemberId> recipients) => new(
        settings.Values, settings.DefaultPoints, settings.MaxPoints, settings.MaxRecipients, settings.MinMessageLength, settings.MaxMessageLength,
        allowance, recipients);
}

/// <summary>
/// The composer as every surface shows it: a Slack modal, a Teams card. Labels are in the reader's language; the
/// ids are <see cref="ComposerFields"/>; a surface maps each field to its own input and nothing else.
/// </summary>
public sealed record ComposerView(
    string Title,
    string Submit,
    string Close,
    ViewLine Intro,
    ComposerPeopleField Recipients,
    ComposerNumberField Points,
    ComposerChoiceField Values,
    ComposerTextField Message,
    ComposerToggleField Private)
{
    /// <summary>What the kudos is for, when it was started from a message; shown above the fields.</summary>
    public ViewLine? About { get; init; }

    public static ComposerView For(ComposerForm form, ViewText v)
    {
        var a = form.Allowance;
        return new ComposerView(
            v["Composer.Title"],
            v["Composer.Submit"],
            v["Composer.Close"],
            v.Line(LineStyle.Subtle, LineMark.None, "Composer.Intro", v.Points(a.Left), v.Points(a.Limit), v.RenewalDay(a.ResetsAt)),
            new ComposerPeopleField(ComposerFields.Recipients, v["Composer.Recipients"], v["Composer.RecipientsPlaceholder"], form.MaxRecipients,
                form.Recipients),
            new ComposerNumberField(ComposerFields.Points, v["Composer.Points"], v.T.Format("Composer.PointsHint", v.T.Number(form.MaxPoints)),
                1, form.MaxPoints, Math.Clamp(form.DefaultPoints, 1, Math.Max(1, form.MaxPoints))),
            new ComposerChoiceField(ComposerFields.Values, v["Composer.Values"], v["Composer.ValuesPlaceholder"],
                [.. form.Values.Select(value => new ComposerOption(value, value))]),
            new ComposerTextField(ComposerFields.Message, v["Composer.Message"], v["Composer.MessagePlaceholder"], form.MinMessageLength,
                form.MaxMessageLength),
            new ComposerToggleField(ComposerFields.Private, v["Composer.Private"], v["Composer.PrivateOption"], ComposerFields.PrivateOn))
        {
            About = form.Link is { } link ? new ViewLine(v.Compose("Composer.About", new LinkSpan(link, v["Composer.AboutLink"]))) : null,
        };
    }

    /// <summary>What a refused field says, in the reader's language, without the example a typed command gets.</summary>
    public static IReadOnlyList<Span> Error(Refused reason, ViewText v) => Text.ResultText.Refusal(reason, v)[0].Spans;
}

/// <summary>A people picker: at most <see cref="Max"/> people, some maybe chosen already.</summary>
public sealed record ComposerPeopleField(string Id, string Label, string Placeholder, int Max, IReadOnlyList<MemberId> Initial);

public sealed record ComposerNumberField(string Id, string Label, string Hint, int Min, int Max, int Initial);

/// <summary>Any number of options, none required (the workspace's values).</summary>
public sealed record ComposerChoiceField(string Id, string Label, string Placeholder, IReadOnlyList<ComposerOption> Options);

public sealed record ComposerOption(string Value, string Label);

public sealed record ComposerTextField(string Id, string Label, string Placeholder, int MinLength, int MaxLength);

/// <summary>One checkbox; <see cref="OnValue"/> is what a surface sends back when it is ticked.</summary>
public sealed record ComposerToggleField(string Id, string Label, string OptionLabel, string OnValue);
