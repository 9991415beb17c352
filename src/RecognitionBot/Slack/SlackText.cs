using System.Text;

namespace RecognitionBot.Slack;

/// <summary>Slack's text encoding for mrkdwn and <c>text</c> fields.</summary>
public static class SlackText
{
    /// <summary>
    /// Makes user-provided text literal: Slack only parses <c>&lt;...&gt;</c> sequences (mentions, <c>&lt;!channel&gt;</c>,
    /// links) and entities, so escaping the three control characters turns <c>&lt;!here&gt;</c> into harmless text.
    /// </summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>The inverse of <see cref="Escape"/>, for text Slack sent us already escaped (slash command text).</summary>
    public static string Unescape(string text) =>
        text.Contains('&') ? text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&") : text;

    /// <summary>A real mention of a user, which notifies them.</summary>
    public static string User(string userId) => $"<@{userId}>";
}
