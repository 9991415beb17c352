using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>
/// What every admin page is written with: the reader's texts, the names of the people it shows, and the form token.
/// Every word that did not come from our catalogue goes through <see cref="Encode"/>.
/// </summary>
public sealed class AdminHtml(Texts texts, TimeZoneInfo zone, IReadOnlyDictionary<MemberId, string> names, AntiforgeryField token)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public Texts T { get; } = texts;

    public TimeZoneInfo Zone { get; } = zone;

    public CultureInfo Culture => T.Culture;

    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    /// <summary>A catalogue text, encoded.</summary>
    public string this[string key] => Encode(T[key]);

    /// <summary>A catalogue sentence with its arguments formatted in, encoded as a whole.</summary>
    public string Format(string key, params object?[] args) => Encode(T.Format(key, args));

    public string Number(int value) => Encode(T.Number(value));

    public string Percent(double share) => Encode(share.ToString("P0", Culture));

    public string Name(MemberId member) => Encode(PlainName(member));

    /// <summary>A person's name as the platform gives it (their id when it does not), not encoded: for labels that encode themselves.</summary>
    public string PlainName(MemberId member) => names.GetValueOrDefault(member) ?? member.Value;

    /// <summary>The hidden field that proves a form came from our page.</summary>
    public string Token => $"<input type=\"hidden\" name=\"{Encode(token.Name)}\" value=\"{Encode(token.Value)}\">";

    /// <summary>A form posting to <paramref name="action"/> with its token and <paramref name="fields"/>.</summary>
    public string Form(string action, string fields, string? label = null) =>
        $"<form method=\"post\" action=\"{Encode(action)}\"{(label is null ? "" : $" aria-label=\"{Encode(label)}\"")}>{Token}{fields}</form>";

    public static string Hidden(string name, string value) => $"<input type=\"hidden\" name=\"{Encode(name)}\" value=\"{Encode(value)}\">";

    /// <summary>A labelled input; <paramref name="extra"/> holds further attributes (already safe).</summary>
    public string Input(string id, string name, string labelKey, string type = "text", string? value = null, string extra = "") =>
        $"<p class=\"field\"><label for=\"{id}\">{this[labelKey]}</label> "
        + $"<input id=\"{id}\" name=\"{Encode(name)}\" type=\"{type}\"{(value is null ? "" : $" value=\"{Encode(value)}\"")}{extra}></p>";

    public string Checkbox(string id, string name, string labelKey, bool on) =>
        $"<p class=\"field\"><input id=\"{id}\" name=\"{Encode(name)}\" type=\"checkbox\" value=\"true\"{(on ? " checked" : "")}> "
        + $"<label for=\"{id}\">{this[labelKey]}</label></p>";

    public string Select(string id, string name, string labelKey, IEnumerable<(string Value, string Label, bool Selected)> options) =>
        $"<p class=\"field\"><label for=\"{id}\">{this[labelKey]}</label> <select id=\"{id}\" name=\"{Encode(name)}\">"
        + string.Concat(options.Select(o => $"<option value=\"{Encode(o.Value)}\"{(o.Selected ? " selected" : "")}>{Encode(o.Label)}</option>"))
        + "</select></p>";

    public string Button(string labelKey, string? describedBy = null, bool danger = false) =>
        $"<button type=\"submit\"{(danger ? " class=\"danger\"" : "")}"
        + $"{(describedBy is null ? "" : $" aria-describedby=\"{describedBy}\"")}>{this[labelKey]}</button>";

    /// <summary>The lines of a core view (a handler's answer), as paragraphs; problems are announced to screen readers.</summary>
    public string Lines(View view)
    {
        var problem = view.Tone == ViewTone.Problem;
        var sb = new StringBuilder(problem ? "<div class=\"result problem\" role=\"alert\">" : "<div class=\"result\" role=\"status\">");
        foreach (var line in view.Lines) sb.Append("<p>").Append(Spans(line.Spans)).Append("</p>");
        return sb.Append("</div>").ToString();
    }

    /// <summary>Typed spans as HTML: our words as text (commands in backticks as code), everyone else's always encoded.</summary>
    public string Spans(IEnumerable<Span> spans)
    {
        var sb = new StringBuilder();
        foreach (var span in spans)
        {
            sb.Append(span switch
            {
                TextSpan t => Ours(t.Text),
                MentionSpan m => names.TryGetValue(m.Member, out var name) ? Encode(name) : Encode(m.Unknown),
                UnknownPersonSpan u => Encode(u.Text),
                UserTextSpan u => $"<q>{Encode(u.Text)}</q>",
                CodeSpan c => $"<code>{Encode(c.Text)}</code>",
                PointsSpan p => Encode(p.Text),
                DateSpan d => $"<time datetime=\"{d.At.UtcDateTime:O}\">{Encode(d.Text)}</time>",
                ConversationSpan c => $"<code>{Encode(c.ConversationId)}</code>",
                QuoteSpan q => $"<q>{Encode(q.Text)}</q>",
                LinkSpan l when l.IsSafe => $"<a href=\"{Encode(l.Url)}\">{Encode(l.Label)}</a>",
                LinkSpan l => Encode(l.Label),
                _ => "",
            });
        }
        return sb.ToString();
    }

    // Our catalogue marks commands with backticks; everything else in it is plain text.
    private static string Ours(string text)
    {
        var parts = text.Split('`');
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Length; i++) sb.Append(i % 2 == 1 && i < parts.Length - 1 ? $"<code>{Encode(parts[i])}</code>" : Encode(parts[i]));
        return sb.ToString();
    }
}

/// <summary>The antiforgery field a form carries (name and value, from ASP.NET Core's antiforgery).</summary>
public sealed record AntiforgeryField(string Name, string Value);
