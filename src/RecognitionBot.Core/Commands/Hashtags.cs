using System.Globalization;

namespace RecognitionBot.Core.Commands;

/// <summary>
/// <c>#word</c> tags (letters, digits, <c>-</c>, <c>_</c>; at least one letter), kept lowercased and without the
/// <c>#</c>, which table keys may not contain. Renderers put the <c>#</c> back.
/// </summary>
internal static class Hashtags
{
    /// <summary>Every distinct tag in a message, in order of appearance; the message itself is left as written.</summary>
    public static IReadOnlyList<string> Collect(string message)
    {
        List<string>? tags = null;
        var i = message.IndexOf('#');
        while (i >= 0)
        {
            var end = i + 1;
            while (end < message.Length && IsTagChar(message[end]))
                end++;
            if (i == 0 || CanPrecede(message[i - 1]))
            {
                var tag = TrimTag(message.AsSpan(i + 1, end - i - 1));
                if (HasLetter(tag))
                {
                    var value = tag.ToString().ToLowerInvariant();
                    tags ??= [];
                    if (!tags.Contains(value))
                        tags.Add(value);
                }
            }
            i = end < message.Length ? message.IndexOf('#', end) : -1;
        }
        return tags ?? (IReadOnlyList<string>)[];
    }

    /// <summary>A token that is one whole tag, as an admin names a value: <c>#customer-first</c>.</summary>
    public static bool TryRead(ReadOnlySpan<char> token, out string value)
    {
        value = "";
        if (token.Length < 2 || token[0] != '#')
            return false;
        var tag = token[1..];
        foreach (var c in tag)
            if (!IsTagChar(c))
                return false;
        tag = TrimTag(tag);
        if (!HasLetter(tag))
            return false;
        value = tag.ToString().ToLowerInvariant();
        return true;
    }

    private static bool IsTagChar(char c) =>
        char.IsLetterOrDigit(c) || c is '_' or '-'
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    // A '#' inside a word ("C#5", "page#top"), after '&' (an HTML entity), '<' (Slack's <#C123|channel>) or
    // '/' (a URL) is not a tag.
    private static bool CanPrecede(char c) => !(char.IsLetterOrDigit(c) || c is '_' or '&' or '<' or '/');

    // "#teamwork-" at the end of a sentence means #teamwork.
    private static ReadOnlySpan<char> TrimTag(ReadOnlySpan<char> tag) => tag.TrimEnd("-_");

    private static bool HasLetter(ReadOnlySpan<char> tag)
    {
        foreach (var c in tag)
            if (char.IsLetter(c))
                return true;
        return false;
    }
}
