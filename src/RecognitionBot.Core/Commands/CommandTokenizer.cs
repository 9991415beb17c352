using System.Text;

namespace RecognitionBot.Core.Commands;

internal enum TokenKind
{
    Word,
    Mention,
}

/// <summary>A slice of the original text; <see cref="Glued"/> means no whitespace separates it from the token before.</summary>
internal readonly record struct CommandToken(int Start, int Length, TokenKind Kind, bool Glued)
{
    public int End => Start + Length;
}

/// <summary>
/// The text of a command cut into tokens that point back into the original string, so the parser can
/// match words on normalised whitespace and still hand back the user's own message, spacing and all.
/// </summary>
internal sealed class CommandTokens(string text, List<CommandToken> tokens)
{
    private readonly List<CommandToken> _tokens = tokens;

    public string Text { get; } = text;

    public int Count => _tokens.Count;

    public CommandToken this[int index] => _tokens[index];

    public ReadOnlySpan<char> Span(int index) => Text.AsSpan(_tokens[index].Start, _tokens[index].Length);

    public string Word(int index) => Span(index).ToString();

    public bool IsMention(int index) => index < _tokens.Count && _tokens[index].Kind == TokenKind.Mention;

    public bool Is(int index, string word) =>
        index < _tokens.Count && Span(index).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>The member id inside a mention token <c>&lt;@id&gt;</c>.</summary>
    public string MentionId(int index) => Text.Substring(_tokens[index].Start + 2, _tokens[index].Length - 3);

    public bool AnyMention(int from)
    {
        for (var i = from; i < _tokens.Count; i++)
            if (_tokens[i].Kind == TokenKind.Mention)
                return true;
        return false;
    }

    /// <summary>Tokens from <paramref name="from"/> on, with every run of whitespace turned into one space.</summary>
    public string Rest(int from)
    {
        if (from >= _tokens.Count)
            return "";
        var builder = new StringBuilder(Text.Length - _tokens[from].Start);
        for (var i = from; i < _tokens.Count; i++)
        {
            if (i > from && !_tokens[i].Glued)
                builder.Append(' ');
            builder.Append(Span(i));
        }
        return builder.ToString();
    }

    /// <summary><see cref="Rest"/> without the quotes people put around names (straight or typographic).</summary>
    public string RestUnquoted(int from) => StripQuotes(Rest(from));

    /// <summary>
    /// Drops an opening quote and its closing partner; a lone trailing apostrophe ("Teachers'") is part of the name.
    /// A missing closing quote is forgiven.
    /// </summary>
    public static string StripQuotes(string value)
    {
        var span = value.AsSpan();
        if (span.Length == 0 || ClosingQuotes(span[0]) is not { } closers)
            return value;
        span = span[1..];
        if (span.Length > 0 && closers.Contains(span[^1]))
            span = span[..^1];
        return span.Trim().ToString();
    }

    /// <summary>The quotes that may close one opened by <paramref name="open"/>: straight, or as phones and Word type them.</summary>
    public static string? ClosingQuotes(char open) => open switch
    {
        '"' or '“' or '”' or '„' => "\"“”",
        '\'' or '‘' or '’' or '‚' => "'‘’",
        '«' => "»",
        _ => null,
    };
}

internal static class CommandTokenizer
{
    public static CommandTokens Tokenize(string text)
    {
        var tokens = new List<CommandToken>(Math.Min(64, text.Length / 4 + 1));
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsSpace(text[i]))
                i++;
            var wordStart = i;
            while (i < text.Length && !IsSpace(text[i]))
                i++;
            if (i > wordStart)
                SplitMentions(text, wordStart, i, tokens);
        }
        return new CommandTokens(text, tokens);
    }

    /// <summary>
    /// Whitespace as people paste it: besides what .NET calls white space (which includes no-break spaces),
    /// the invisible zero-width separators that rich-text editors and Teams leave behind.
    /// </summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u2060' or '\uFEFF';

    public static string Trim(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsSpace(text[start]))
            start++;
        while (end > start && IsSpace(text[end - 1]))
            end--;
        return text[start..end].ToString();
    }

    // A mention may be glued to punctuation ("<@U1>," or "(<@U1>)") or to another mention ("<@U1><@U2>"),
    // so it is cut out of its word as a token of its own.
    private static void SplitMentions(string text, int start, int end, List<CommandToken> tokens)
    {
        var position = start;
        var search = start;
        while (search < end)
        {
            var open = text.IndexOf("<@", search, end - search, StringComparison.Ordinal);
            if (open < 0)
                break;
            var close = text.IndexOf('>', open + 2, end - open - 2);
            if (close < 0)
                break;
            // "<@<@U1>": the mention is the innermost one.
            int inner;
            while ((inner = text.IndexOf("<@", open + 2, close - open - 2, StringComparison.Ordinal)) >= 0)
                open = inner;
            if (close == open + 2)
            {
                // "<@>" names nobody: it stays text.
                search = close + 1;
                continue;
            }
            if (open > position)
                tokens.Add(new CommandToken(position, open - position, TokenKind.Word, position > start));
            tokens.Add(new CommandToken(open, close + 1 - open, TokenKind.Mention, open > start));
            position = search = close + 1;
        }
        if (position < end)
            tokens.Add(new CommandToken(position, end - position, TokenKind.Word, position > start));
    }
}
