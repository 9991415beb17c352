using System.Text.Json;
using RecognitionBot.Core.Kudos.Give;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>
/// The core's composer as a Slack modal, and the modal's submission read back: block and action ids are the core's
/// field ids (<see cref="ComposerFields"/>), so field errors go back keyed by them. Pure, like every renderer.
/// </summary>
public static class SlackComposer
{
    // Slack's limits: 24 characters for a modal's title and buttons, 100 options in a select, 3000 in metadata.
    private const int MaxOptions = 100;

    public static ModalView Modal(ComposerView view, ComposerMetadata metadata)
    {
        var blocks = new List<Block>();
        if (view.About is { } about) blocks.Add(new SectionBlock(new Mrkdwn(SlackViews.Mrkdwn(about.Spans))));
        blocks.Add(new ContextBlock([new Mrkdwn(SlackViews.Mrkdwn(view.Intro.Spans))]));
        blocks.Add(new InputBlock(new PlainText(view.Recipients.Label),
            new MultiUsersSelectElement(view.Recipients.Id, new PlainText(SlackViews.Fit(view.Recipients.Placeholder, 150)),
                view.Recipients.Initial.Count > 0 ? [.. view.Recipients.Initial.Select(m => m.Value)] : null, view.Recipients.Max))
        { BlockId = view.Recipients.Id });
        blocks.Add(new InputBlock(new PlainText(view.Points.Label),
            new NumberInputElement(view.Points.Id, InitialValue: Number(view.Points.Initial), MinValue: Number(view.Points.Min),
                MaxValue: Number(view.Points.Max)),
            Hint: new PlainText(view.Points.Hint))
        { BlockId = view.Points.Id });
        if (view.Values.Options.Count > 0)
            blocks.Add(new InputBlock(new PlainText(view.Values.Label),
                new MultiStaticSelectElement(view.Values.Id,
                    [.. view.Values.Options.Take(MaxOptions).Select(o => new SlackOption(new PlainText(SlackViews.Fit(o.Label, 75)), o.Value))],
                    new PlainText(SlackViews.Fit(view.Values.Placeholder, 150))),
                Optional: true)
            { BlockId = view.Values.Id });
        blocks.Add(new InputBlock(new PlainText(view.Message.Label),
            new PlainTextInputElement(view.Message.Id, Multiline: true, MaxLength: Math.Min(view.Message.MaxLength, 3000),
                Placeholder: new PlainText(SlackViews.Fit(view.Message.Placeholder, 150)))
            { MinLength = Math.Clamp(view.Message.MinLength, 0, 3000) })
        { BlockId = view.Message.Id });
        blocks.Add(new InputBlock(new PlainText(view.Private.Label),
            new CheckboxesElement(view.Private.Id, [new SlackOption(new PlainText(SlackViews.Fit(view.Private.OptionLabel, 75)), view.Private.OnValue)]),
            Optional: true)
        { BlockId = view.Private.Id });

        return new ModalView(new PlainText(SlackViews.Fit(view.Title, 24)), blocks, new PlainText(SlackViews.Fit(view.Submit, 24)),
            new PlainText(SlackViews.Fit(view.Close, 24)))
        {
            CallbackId = SlackActions.ComposerModal,
            PrivateMetadata = JsonSerializer.Serialize(metadata),
        };
    }

    /// <summary>What the giver chose and typed; an input Slack did not send reads as empty.</summary>
    public static ComposerInput Read(SlackSubmittedView view)
    {
        var people = view.Value(ComposerFields.Recipients, ComposerFields.Recipients)?.SelectedUsers ?? [];
        var values = view.Value(ComposerFields.Values, ComposerFields.Values)?.SelectedOptions ?? [];
        var isPrivate = view.Value(ComposerFields.Private, ComposerFields.Private)?.SelectedOptions ?? [];
        return new ComposerInput(
            [.. people.Where(p => !string.IsNullOrEmpty(p)).Select(p => new MemberId(p))],
            view.Input(ComposerFields.Points, ComposerFields.Points),
            [.. values.Select(v => v.Value).OfType<string>()],
            view.Input(ComposerFields.Message, ComposerFields.Message),
            isPrivate.Any(o => o.Value == ComposerFields.PrivateOn));
    }

    /// <summary>
    /// Field errors keyed by block id, in the reader's language (plain text: Slack shows errors as is). An error on a
    /// field the modal does not show (values, when the workspace has none) goes on the message.
    /// </summary>
    public static SlackViewErrors Errors(IReadOnlyList<ComposerFieldError> errors, ModalShape shape, ViewText v)
    {
        var keyed = new Dictionary<string, string>();
        foreach (var error in errors)
        {
            var field = error.Field == ComposerFields.Values && !shape.HasValues ? ComposerFields.Message : error.Field;
            var text = ViewText.Plain(ComposerView.Error(error.Reason, v));
            keyed[field] = keyed.TryGetValue(field, out var before) ? $"{before} {text}" : text;
        }
        return new SlackViewErrors(keyed);
    }

    public static ComposerMetadata? ReadMetadata(string? json)
    {
        try
        {
            return JsonSerializer.Deserialize<ComposerMetadata>(json ?? "{}");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// What the composer modal carries back in <c>private_metadata</c>: the conversation it was opened in (<c>C</c>, its
/// name <c>N</c> as the slash command gave it), the permalink of the message it is for (<c>L</c>), and whether it
/// showed the values (<c>V</c>).
/// </summary>
public sealed record ComposerMetadata(string? C, string? N, string? L, bool V);

/// <summary>Which fields the modal showed.</summary>
public sealed record ModalShape(bool HasValues);
