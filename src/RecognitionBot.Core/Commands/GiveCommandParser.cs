using System.Globalization;
using System.Text;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Commands;

/// <summary>
/// <c>@a [@b ...] [+N] message [#value ...] [--private]</c>, and the looser "thanks @a for the save", where every
/// mention is a recipient. Refusals that need the workspace (limits, duplicates, self-kudos) come later.
/// </summary>
internal static class GiveCommandParser
{
    public static ParseResult Parse(CommandTokens tokens, int first)
    {
        // The head is what stands before the message: recipients, points, flags and the commas between them.
        var headEnd = first;
        var leadingMention = false;
        while (headEnd < tokens.Count && IsHeadToken(tokens, headEnd))
            leadingMention |= tokens.IsMention(headEnd++);

        if (!leadingMention && !tokens.AnyMention(first))
            return NoRecipient(tokens, first);

        var removed = new bool[tokens.Count];
        Array.Fill(removed, true, 0, first);
        var recipients = new List<MemberId>();
        int? points = null;
        var isPrivate = false;
        var afterRecipient = false;
        for (var i = first; i < tokens.Count; i++)
        {
            var inHead = i < headEnd;
            if (tokens.IsMention(i))
            {
                // With a leading mention, later mentions are part of the message ("thanks for helping @b's customer").
                afterRecipient = inHead || !leadingMention;
                if (afterRecipient)
                {
                    recipients.Add(new MemberId(tokens.MentionId(i)));
                    removed[i] = true;
                }
                continue;
            }

            var word = tokens.Span(i);
            if (IsOption(word))
            {
                if (!IsPrivateFlag(word))
                    return ParseResult.Fail(ParseError.UnknownOption, word.ToString());
                isPrivate = true;
                removed[i] = true;
                continue;
            }
            if (inHead && IsConnector(tokens, i))
            {
                removed[i] = true;
                continue;
            }
            if ((inHead || afterRecipient) && IsPoints(word))
            {
                var error = ReadPoints(word, ref points);
                if (error is not null)
                    return error;
                removed[i] = true;
                continue;
            }
            afterRecipient = false;
        }

        var message = Message(tokens, removed);
        if (message.Length == 0)
            return ParseResult.Fail(ParseError.MissingMessage);
        return ParseResult.Success(new GiveCommand(recipients, points, message, Hashtags.Collect(message), isPrivate));
    }

    private static ParseResult NoRecipient(CommandTokens tokens, int first)
    {
        // One stray word is most likely a mistyped command; anything longer, or a lone "+10", a kudos without anyone.
        if (tokens.Count - first == 1 && tokens.Span(first)[0] is not ('+' or '-' or '#'))
            return ParseResult.Fail(ParseError.UnknownCommand, tokens.Word(first));
        return ParseResult.Fail(ParseError.NoRecipient);
    }

    private static bool IsHeadToken(CommandTokens tokens, int i)
    {
        if (tokens.IsMention(i))
            return true;
        var word = tokens.Span(i);
        return IsPoints(word) || IsOption(word) || IsConnector(tokens, i);
    }

    // "+10", and the mistakes made in its place ("+", "+ten", "-5"), which deserve an answer rather than
    // silently becoming the first word of the message.
    private static bool IsPoints(ReadOnlySpan<char> word) =>
        word[0] == '+' || (word.Length > 1 && word[0] == '-' && char.IsAsciiDigit(word[1]));

    private static ParseResult? ReadPoints(ReadOnlySpan<char> word, ref int? points)
    {
        if (word[0] != '+'
            || word.Length == 1
            || !char.IsAsciiDigit(word[1])
            || !int.TryParse(word[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return ParseResult.Fail(ParseError.BadPoints, word.ToString());
        if (points is not null)
            return ParseResult.Fail(ParseError.DuplicatePoints, word.ToString());
        points = value;
        return null;
    }

    // "--anything", "-p", and the em or en dash that phone keyboards make of "--".
    private static bool IsOption(ReadOnlySpan<char> word) =>
        (word.Length > 2 && word.StartsWith("--") && char.IsLetter(word[2]))
        || word.Equals("-p", StringComparison.OrdinalIgnoreCase)
        || (word.Length > 1 && word[0] is ('—' or '–') && word[1..].Equals("private", StringComparison.OrdinalIgnoreCase));

    private static bool IsPrivateFlag(ReadOnlySpan<char> word) =>
        word.Equals("-p", StringComparison.OrdinalIgnoreCase)
        || word.TrimStart("-—–").Equals("private", StringComparison.OrdinalIgnoreCase);

    // Between or after leading mentions: "@a, @b: great job", "@a & @b - thanks", "@a + @b".
    private static bool IsConnector(CommandTokens tokens, int i)
    {
        var word = tokens.Span(i);
        if (word is "+")
            return tokens.IsMention(i + 1);
        return word.IndexOfAnyExcept(",;:&-–—") < 0;
    }

    /// <summary>
    /// The text without the removed tokens, in the user's own spacing and line breaks. Each removed token takes
    /// one neighbouring run of whitespace with it, so "thanks @a for" becomes "thanks for", not "thanks  for".
    /// </summary>
    private static string Message(CommandTokens tokens, bool[] removed)
    {
        var text = tokens.Text;
        var message = new StringBuilder(text.Length);
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!removed[i])
                continue;
            var (cutStart, cutEnd) = Cut(tokens, i);
            if (cutStart > copied)
                message.Append(text, copied, cutStart - copied);
            copied = Math.Max(copied, cutEnd);
        }
        message.Append(text, copied, text.Length - copied);
        return CommandTokenizer.Trim(message.ToString());
    }

    private static (int Start, int End) Cut(CommandTokens tokens, int i)
    {
        var token = tokens[i];
        var previousEnd = i > 0 ? tokens[i - 1].End : 0;
        var nextStart = i + 1 < tokens.Count ? tokens[i + 1].Start : tokens.Text.Length;
        if (token.Glued)
            return (token.Start, token.End);
        if (i + 1 < tokens.Count && tokens[i + 1].Glued)
            return (previousEnd, token.End); // "thanks @a, for" -> "thanks, for"
        var before = tokens.Text.AsSpan(previousEnd, token.Start - previousEnd);
        var after = tokens.Text.AsSpan(token.End, nextStart - token.End);
        if (i > 0 && before.Length > 0 && after.ContainsAny('\n', '\r') && !before.ContainsAny('\n', '\r'))
            return (previousEnd, token.End); // keep the user's line break
        return (token.Start, nextStart);
    }
}
