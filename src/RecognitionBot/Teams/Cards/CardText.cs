using System.Text;

namespace RecognitionBot.Teams.Cards;

/// <summary>
/// Keeps words from users (messages, names, reward names) from being read as markup: no markdown, no mentions,
/// no mass pings. A mention only exists when the renderer adds it to <c>msteams.entities</c> itself.
/// </summary>
public static class CardText
{
    private const char ZeroWidthJoiner = '\u2060';

    /// <summary>For a <see cref="TextRun"/>: no markdown is read there, so only mention tags and control characters need care.</summary>
    public static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not '\n' and not '\t') continue;
            builder.Append(c);
        }
        return NeutraliseTags(builder.ToString());
    }

    /// <summary>
    /// For a <see cref="TextBlock"/> or fact: backslash-escapes the characters that start emphasis, code or links, and
    /// a leading list or heading marker. Prefer <see cref="RichTextBlock"/> for long user text.
    /// </summary>
    public static string Markdown(string text)
    {
        var plain = Plain(text).Replace('\n', ' ').Trim();
        var builder = new StringBuilder(plain.Length + 8);
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            var leadingMarker = i == 0 && c is '#' or '-' or '+' or '>' or '=';
            if (leadingMarker || c is '\\' or '*' or '_' or '~' or '`' or '[' or ']')
                builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Our own sentences quote commands in backticks (<c>`/kudos help`</c>), which Slack shows as code but Teams,
    /// whose cards have no inline code, would show as stray backticks: in Teams a quoted command is bold instead.
    /// Only unescaped backticks count, so a backtick a user typed (escaped by <see cref="Markdown"/>) stays as it is.
    /// </summary>
    public static string Commands(string markdown)
    {
        if (markdown.IndexOf('`') < 0) return markdown;
        var quotes = new List<int>();
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\') i++;
            else if (markdown[i] == '`') quotes.Add(i);
        }
        if (quotes.Count < 2) return markdown;
        var builder = new StringBuilder(markdown.Length + quotes.Count);
        var from = 0;
        for (var q = 0; q + 1 < quotes.Count; q += 2)
        {
            var (open, close) = (quotes[q], quotes[q + 1]);
            if (close == open + 1) continue;
            builder.Append(markdown, from, open - from).Append("**").Append(markdown, open + 1, close - open - 1).Append("**");
            from = close + 1;
        }
        return builder.Append(markdown, from, markdown.Length - from).ToString();
    }

    /// <summary>
    /// A piece of one of our own catalogue sentences, as it stands between the typed parts of a view's line: emphasis
    /// and link characters escaped (our words never mean markup), spaces and list markers kept, quoted commands bold.
    /// </summary>
    public static string Ours(string text)
    {
        // "<reward>" in a help line must not read as a tag either.
        text = NeutraliseTags(text);
        if (text.AsSpan().IndexOfAny("\\*_~[]") < 0) return Commands(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '[' or ']') builder.Append('\\');
            builder.Append(c);
        }
        return Commands(builder.ToString());
    }

    /// <summary>One of our own catalogue sentences, with no user words in it: markdown escaped, quoted commands bold.</summary>
    public static string Catalogue(string sentence) => Commands(Markdown(sentence).Replace("\\`", "`", StringComparison.Ordinal));

    /// <summary>A display name inside <c>&lt;at&gt;…&lt;/at&gt;</c>: nothing that could close the tag or start markdown.</summary>
    public static string MentionName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsControl(c) || c is '<' or '>' or '*' or '_' or '[' or ']' or '`' or '~' or '\\') continue;
            builder.Append(c);
        }
        var clean = builder.ToString().Trim();
        return clean.Length == 0 ? "?" : clean;
    }

    // "<at>" typed by a user must never become a mention: break the tag with an invisible character.
    private static string NeutraliseTags(string text)
    {
        if (text.IndexOf('<') < 0) return text;
        var builder = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            builder.Append(text[i]);
            if (text[i] == '<' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '/'))
                builder.Append(ZeroWidthJoiner);
        }
        return builder.ToString();
    }
}
