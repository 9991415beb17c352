using System.Text;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;

namespace RecognitionBot.Slack;

/// <summary>
/// Maps the core's views to Block Kit: one escaping rule per span type (our words and typed words lose their
/// <c>&lt; &gt; &amp;</c>, people become <c>&lt;@U…&gt;</c>, quotes become rich text), marks become emoji. Pure,
/// so every output can be type-checked against Slack's own types by the contract tests.
/// </summary>
public static class SlackViews
{
    // Slack refuses more than 50 blocks in a message and more than 3,000 characters in a section.
    private const int MaxBlocks = 50;
    private const int MaxHomeBlocks = 100;
    private const int MaxSection = 2900;
    private const int MaxListLine = 1000;

    public static SlackMessage Render(CommandResult result, Texts t, TimeZoneInfo zone) => Render(ResultViews.For(result, new ViewText(t, zone)));

    public static SlackMessage Render(OutboxPost post, Texts t, TimeZoneInfo zone) => Render(PostViews.For(post, new ViewText(t, zone)));

    public static SlackMessage Render(View view) => Render(view, MaxBlocks);

    /// <summary>A member's App Home: the same mapping, with the 100 blocks a Home tab may hold.</summary>
    public static HomeTabView Home(View view) => new(Render(view, MaxHomeBlocks).Blocks ?? []) { CallbackId = SlackActions.Home };

    private static SlackMessage Render(View view, int maxBlocks)
    {
        var blocks = new List<Block>();
        var items = new List<Block>();
        if (view.Title is { Length: > 0 } title) blocks.Add(new HeaderBlock(new PlainText(Fit(title, 150))));
        var list = new List<string>();
        string? heading = null;

        void FlushList()
        {
            if (heading is null && list.Count == 0) return;
            var section = new StringBuilder(heading);
            foreach (var line in list)
            {
                if (section.Length > 0 && section.Length + line.Length + 1 > MaxSection)
                {
                    blocks.Add(new SectionBlock(new Mrkdwn(section.ToString())));
                    section.Clear();
                }
                if (section.Length > 0) section.Append('\n');
                section.Append(line);
            }
            blocks.Add(new SectionBlock(new Mrkdwn(section.ToString())));
            (heading, list) = (null, []);
        }

        foreach (var block in view.Body)
        {
            if (block is ViewLine { Style: LineStyle.ListItem } item)
            {
                var text = Line(item);
                list.Add(text.Length > MaxListLine ? text[..(MaxListLine - 1)] + "…" : text);
                continue;
            }
            FlushList();
            switch (block)
            {
                case ViewLine { Style: LineStyle.Heading } h:
                    heading = $"{Mark(h.Mark)}*{Mrkdwn(h.Spans)}*";
                    break;
                case ViewLine { Style: LineStyle.Quote } q:
                    blocks.Add(SlackMarkup.Quote(ViewText.Plain(q.Spans)));
                    break;
                case ViewLine { Style: LineStyle.Subtle } s:
                    blocks.Add(new ContextBlock([new Mrkdwn(Line(s))]));
                    break;
                case ViewLine line:
                    blocks.Add(new SectionBlock(new Mrkdwn(Line(line))));
                    break;
                case ViewItem entry:
                    var section = new SectionBlock(new Mrkdwn(string.Join("\n", entry.Lines.Select(l => Line(l, inItem: true)))),
                        Accessory: entry.Action is { } action ? action.Choice is null ? Button(action) : Select(action) : null);
                    blocks.Add(section);
                    items.Add(section);
                    break;
                case ViewActions actions:
                    blocks.Add(new ActionsBlock([.. actions.Actions.SelectMany(Buttons)]));
                    break;
                case ViewFacts facts:
                    blocks.Add(
                        new SectionBlock(Fields: [.. facts.Facts.Select(f => (TextObject)new Mrkdwn($"*{SlackText.Escape(f.Title)}*\n{Mrkdwn(f.Value)}"))]));
                    break;
            }
        }
        FlushList();
        if (view.Actions.Count > 0) blocks.Add(new ActionsBlock([.. view.Actions.SelectMany(Buttons)]));

        // Past Slack's limit, the last entries of a long list (the dearest rewards) go; the rest of the view stays whole.
        for (var i = items.Count - 1; i >= 0 && blocks.Count > maxBlocks; i--) blocks.Remove(items[i]);
        return new SlackMessage(Mrkdwn(view.Headline.Spans), blocks);
    }

    /// <summary>Spans as mrkdwn: the one escaping rule per span type.</summary>
    public static string Mrkdwn(IEnumerable<Span> spans)
    {
        var text = new StringBuilder();
        foreach (var span in spans)
        {
            text.Append(span switch
            {
                MentionSpan m => SlackText.User(m.Member.Value),
                ConversationSpan { ConversationId: var id } when IsSlackId(id) => $"<#{id}>",
                CodeSpan c => $"`{SlackText.Escape(c.Text.Replace('`', '\''))}`",
                // Slack's own address (a permalink): linked, with our words as its label.
                LinkSpan { IsSafe: true } l when l.Url.IndexOfAny(['|', '<', '>', ' ']) < 0 => $"<{SlackText.Escape(l.Url)}|{SlackText.Escape(l.Label)}>",
                LinkSpan l => SlackText.Escape(l.Label),
                _ => SlackText.Escape(ViewText.Plain([span])),
            });
        }
        return text.ToString();
    }

    private static string Line(ViewLine line) => Line(line, inItem: false);

    // Inside an entry, where no context block can go, a subtle line is set in italics instead.
    private static string Line(ViewLine line, bool inItem)
    {
        var text = Mrkdwn(line.Spans);
        if (line.Style == LineStyle.Strong) text = $"*{text}*";
        else if (line.Style == LineStyle.Subtle && inItem) text = $"_{text}_";
        if (line.Stamp is { } stamp) text = $"`{SlackText.Escape(stamp.Text)}` {text}";
        return Mark(line.Mark) + text;
    }

    /// <summary>A button; an action that asks for an amount becomes one button per preset (Slack buttons carry one value).</summary>
    private static IEnumerable<ButtonElement> Buttons(ViewAction action) =>
        action.Amount is not { } amount
            ? [Button(action)]
            : amount.Presets.Select(p => new ButtonElement(new PlainText(Fit(p.Label, 75)), SlackActions.Id(action.Verb, p.Points),
                ViewVerbs.WithAmount(action.Subject, p.Points), p.Points == amount.Presets[0].Points ? ButtonStyle.Primary : null));

    /// <summary>
    /// An action that asks for one of a few options (a reward with an award) is a select whose every option is the whole
    /// click: Slack sends the chosen option at once, so its value carries the subject and the option.
    /// </summary>
    private static StaticSelectElement Select(ViewAction action) =>
        new(SlackActions.Id(action.Verb), [.. action.Choice!.Options.Take(100).Select(o =>
            new SlackOption(new PlainText(Fit(o.Label, 75)), ViewVerbs.WithReward(action.Subject, o.Value)))], new PlainText(Fit(action.Label, 150)));

    private static ButtonElement Button(ViewAction action) =>
        new(new PlainText(Fit(action.Label, 75)), SlackActions.Id(action.Verb), action.Subject, action.Style switch
        {
            ActionStyle.Primary => ButtonStyle.Primary,
            ActionStyle.Danger => ButtonStyle.Danger,
            _ => null,
        });

    private static string Mark(LineMark mark) => mark switch
    {
        LineMark.Celebration => ":tada: ",
        LineMark.Star => ":star2: ",
        LineMark.Success => ":white_check_mark: ",
        LineMark.Warning => ":warning: ",
        LineMark.Pending => ":hourglass_flowing_sand: ",
        LineMark.Rejected => ":no_entry_sign: ",
        LineMark.Withdrawn => ":leftwards_arrow_with_hook: ",
        LineMark.Private => ":lock: ",
        LineMark.FirstPlace => ":first_place_medal: ",
        LineMark.SecondPlace => ":second_place_medal: ",
        LineMark.ThirdPlace => ":third_place_medal: ",
        LineMark.NewFaces => ":seedling: ",
        _ => "",
    };

    // A channel id from Slack itself; anything else is written as text rather than as a link.
    private static bool IsSlackId(string id) => id.Length > 0 && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    internal static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
