using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Web;

/// <summary>What a view needs from the page to become HTML: people's names, and how a button becomes a form.</summary>
/// <param name="Names">Display names of the people the view names; a missing one is written as the span's "unknown".</param>
/// <param name="FormAction">Where action forms post (the page's own act handler).</param>
/// <param name="Antiforgery">The request's antiforgery token, put in every form.</param>
/// <param name="Verbs">The verbs the page acts on; other buttons are left out.</param>
public sealed record HtmlTarget(
    IReadOnlyDictionary<MemberId, string> Names,
    string FormAction,
    string Antiforgery,
    IReadOnlySet<string> Verbs,
    string AntiforgeryField = "__RequestVerificationToken");

/// <summary>
/// Maps the core's views to HTML, as SlackViews maps them to Block Kit: one escaping rule per span type (every
/// word is HTML-encoded; only our own markup is ever written raw), people by name, dates as time elements,
/// buttons as forms that post their verb and subject with the antiforgery token. Pure, so tests can read it.
/// </summary>
public static partial class DashboardHtml
{
    private static readonly HtmlEncoder Encode = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The view as a section: its title as a heading of <paramref name="level"/>, its body, its buttons.</summary>
    public static string Render(View view, HtmlTarget target, int level = 2, string? id = null)
    {
        var html = new StringBuilder();
        var labelled = id is not null && view.Title is { Length: > 0 };
        html.Append("<section class=\"view tone-").Append(view.Tone.ToString().ToLowerInvariant()).Append('"');
        if (labelled) html.Append(" aria-labelledby=\"").Append(E(id!)).Append("-title\"");
        html.Append('>');
        if (view.Title is { Length: > 0 } title)
            html.Append($"<h{level}").Append(labelled ? $" id=\"{E(id!)}-title\"" : "").Append('>').Append(E(title)).Append($"</h{level}>");

        var inList = false;
        foreach (var block in view.Body)
        {
            if (block is ViewLine { Style: LineStyle.ListItem } item)
            {
                if (!inList) html.Append("<ul>");
                inList = true;
                html.Append("<li").Append(MarkClass(item.Mark)).Append('>').Append(Stamp(item)).Append(Spans(item.Spans, target)).Append("</li>");
                continue;
            }
            if (inList) html.Append("</ul>");
            inList = false;
            switch (block)
            {
                case ViewLine line:
                    html.Append(Line(line, target, level + 1));
                    break;
                case ViewItem entry:
                    html.Append("<div class=\"item\">");
                    foreach (var line in entry.Lines) html.Append(Line(line, target, level + 1));
                    if (entry.Action is { } action) html.Append(Action(action, target));
                    html.Append("</div>");
                    break;
                case ViewActions actions:
                    html.Append(Actions(actions.Actions, target));
                    break;
                case ViewFacts facts:
                    html.Append("<dl>");
                    foreach (var fact in facts.Facts)
                        html.Append("<dt>").Append(E(fact.Title)).Append("</dt><dd>").Append(Spans(fact.Value, target)).Append("</dd>");
                    html.Append("</dl>");
                    break;
            }
        }
        if (inList) html.Append("</ul>");
        html.Append(Actions(view.Actions, target));
        return html.Append("</section>").ToString();
    }

    private static string Line(ViewLine line, HtmlTarget target, int level)
    {
        var spans = Stamp(line) + Spans(line.Spans, target);
        return line.Style switch
        {
            LineStyle.Heading => $"<h{Math.Min(level, 6)}{MarkClass(line.Mark)}>{spans}</h{Math.Min(level, 6)}>",
            LineStyle.Strong => $"<p{MarkClass(line.Mark, "strong")}><strong>{spans}</strong></p>",
            LineStyle.Subtle => $"<p{MarkClass(line.Mark, "subtle")}>{spans}</p>",
            LineStyle.Quote => $"<blockquote>{spans}</blockquote>",
            _ => $"<p{MarkClass(line.Mark)}>{spans}</p>",
        };
    }

    /// <summary>Spans as HTML: the one escaping rule per span type.</summary>
    public static string Spans(IEnumerable<Span> spans, HtmlTarget target)
    {
        var html = new StringBuilder();
        foreach (var span in spans)
        {
            html.Append(span switch
            {
                TextSpan t => Commands(t.Text),
                MentionSpan m => Person(m.Member, m.Unknown, target),
                UnknownPersonSpan u => E(u.Text),
                UserTextSpan u => $"<span class=\"typed\">{E(u.Text)}</span>",
                CodeSpan c => $"<code>{E(c.Text)}</code>",
                PointsSpan p => $"<span class=\"points\">{E(p.Text)}</span>",
                DateSpan d => Time(d),
                ConversationSpan c => E(c.ConversationId),
                QuoteSpan q => Quote(q.Text, target),
                LinkSpan { IsSafe: true } l => $"<a href=\"{E(l.Url)}\" rel=\"noopener noreferrer\">{E(l.Label)}</a>",
                LinkSpan l => E(l.Label),
                _ => E(ViewText.Plain([span])),
            });
        }
        return html.ToString();
    }

    private static string Person(MemberId member, string unknown, HtmlTarget target) =>
        $"<span class=\"person\">{E(target.Names.TryGetValue(member, out var name) && name.Length > 0 ? name : unknown)}</span>";

    private static string Time(DateSpan d) =>
        $"<time datetime=\"{E(d.At.ToString("O", CultureInfo.InvariantCulture))}\">{E(d.Text)}</time>";

    private static string Stamp(ViewLine line) => line.Stamp is { } stamp ? Time(stamp) + " " : "";

    // Our own words: a command in backticks is shown as code; everything else is text.
    private static string Commands(string text)
    {
        var parts = text.Split('`');
        if (parts.Length % 2 == 0) return E(text);
        var html = new StringBuilder();
        for (var i = 0; i < parts.Length; i++) html.Append(i % 2 == 1 ? $"<code>{E(parts[i])}</code>" : E(parts[i]));
        return html.ToString();
    }

    /// <summary>Everyone the view names, the members its quotes mention included, so the page can look their names up.</summary>
    public static IEnumerable<MemberId> PeopleIn(View view) =>
        view.People.Concat(view.Lines.SelectMany(l => l.Spans).OfType<QuoteSpan>()
            .SelectMany(q => MentionPattern().Matches(q.Text).Select(m => new MemberId(m.Groups[1].Value)))).Distinct();

    // A kudos message: literal, except the members the core wrote as <@id>, who are named.
    private static string Quote(string text, HtmlTarget target)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match m in MentionPattern().Matches(text))
        {
            html.Append(E(text[at..m.Index]));
            html.Append(Person(new MemberId(m.Groups[1].Value), m.Value, target));
            at = m.Index + m.Length;
        }
        return html.Append(E(text[at..])).ToString();
    }

    private static string Actions(IReadOnlyList<ViewAction> actions, HtmlTarget target)
    {
        var shown = actions.Where(a => target.Verbs.Contains(a.Verb)).ToList();
        if (shown.Count == 0) return "";
        var html = new StringBuilder("<div class=\"actions\">");
        foreach (var action in shown) html.Append(Action(action, target));
        return html.Append("</div>").ToString();
    }

    /// <summary>A button as a form: the verb and subject, a nonce that makes the form act once, and its reason field if it asks for one.</summary>
    public static string Action(ViewAction action, HtmlTarget target)
    {
        if (!target.Verbs.Contains(action.Verb)) return "";
        var nonce = Guid.NewGuid().ToString("N");
        var html = new StringBuilder();
        html.Append($"<form method=\"post\" action=\"{E(target.FormAction)}\" class=\"action\">");
        html.Append(Hidden(target.AntiforgeryField, target.Antiforgery)).Append(Hidden("verb", action.Verb))
            .Append(Hidden("subject", action.Subject)).Append(Hidden("nonce", nonce));
        if (action.Reason is { } reason)
        {
            var field = $"reason-{nonce}";
            html.Append($"<label for=\"{field}\">{E(reason.Label)}</label>")
                .Append($"<input type=\"text\" id=\"{field}\" name=\"reason\" maxlength=\"{reason.MaxLength}\" placeholder=\"{E(reason.Placeholder)}\">");
        }
        var style = action.Style switch { ActionStyle.Primary => "primary", ActionStyle.Danger => "danger", _ => "default" };
        html.Append($"<button type=\"submit\" class=\"{style}\">{E(action.Reason?.Confirm ?? action.Label)}</button>");
        return html.Append("</form>").ToString();
    }

    public static string Hidden(string name, string value) => $"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">";

    private static string MarkClass(LineMark mark, string? style = null)
    {
        var classes = string.Join(' ', new[] { style, mark == LineMark.None ? null : "mark-" + mark.ToString().ToLowerInvariant() }.Where(c => c is not null));
        return classes.Length == 0 ? "" : $" class=\"{classes}\"";
    }

    public static string E(string text) => Encode.Encode(text);

    [GeneratedRegex("<@([A-Za-z0-9._:-]+)>")]
    private static partial Regex MentionPattern();
}
