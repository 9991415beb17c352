using System.Text;
using System.Text.RegularExpressions;

namespace RecognitionBot.Slack;

/// <summary>
/// Turns the escaped text of a slash command (should_escape on) into the core's grammar: user mentions become
/// <c>&lt;@U123&gt;</c>, user groups become their members' mentions, and everything else Slack encodes
/// (<c>&lt;!here&gt;</c>, channel links, URLs, entities) becomes plain text that can never ping or link.
/// </summary>
public static partial class SlackCommandText
{
    /// <summary>Expands a user group id to its member ids.</summary>
    public delegate Task<IReadOnlyList<string>> GroupMembers(string usergroupId, CancellationToken ct);

    public static async Task<string> ToCoreAsync(string escaped, string actorId, GroupMembers groupMembers, CancellationToken ct)
    {
        var mentioned = new HashSet<string>(UserMention().Matches(escaped).Select(m => m.Groups[1].Value), StringComparer.Ordinal);
        var text = new StringBuilder(escaped.Length);
        var at = 0;
        foreach (Match markup in Markup().Matches(escaped))
        {
            text.Append(Plain(escaped[at..markup.Index]));
            at = markup.Index + markup.Length;
            var inner = markup.Groups[1].Value;
            var bar = inner.IndexOf('|');
            var target = bar < 0 ? inner : inner[..bar];
            var label = bar < 0 ? null : inner[(bar + 1)..];
            switch (target[0])
            {
                case '@' when UserId().IsMatch(target[1..]):
                    text.Append("<@").Append(target[1..]).Append('>');
                    break;
                case '!' when target.StartsWith("!subteam^", StringComparison.Ordinal):
                    // Team recognition: each member once, and never the giver, however the groups overlap.
                    var members = await groupMembers(target["!subteam^".Length..], ct);
                    var added = members.Where(m => m != actorId && mentioned.Add(m)).Select(m => $"<@{m}>");
                    text.Append(string.Join(' ', added));
                    break;
                case '!' when target is "!here" or "!channel" or "!everyone":
                    // As a word, which Slack never treats as a ping.
                    text.Append('@').Append(target[1..]);
                    break;
                case '!':
                    // <!date^...|fallback> and the like: their fallback text.
                    text.Append(Plain(label ?? target[1..].Split('^')[0]));
                    break;
                case '#':
                    text.Append('#').Append(Plain(label ?? target[1..]));
                    break;
                default:
                    var url = Plain(target);
                    text.Append(label is null || Plain(label) == url ? url : $"{Plain(label)} ({url})");
                    break;
            }
        }
        text.Append(Plain(escaped[at..]));
        return text.ToString();
    }

    // What the user typed as text: Slack sent &, < and > as entities. A typed "<@" or "<!" must stay text, never a
    // mention or a ping, wherever the message is shown later; a look-alike angle keeps it readable.
    private static string Plain(string escaped) =>
        escaped.Replace("&lt;@", "‹@").Replace("&lt;!", "‹!").Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

    [GeneratedRegex(@"<([^<>]+)>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"^[UW][A-Z0-9]+$")]
    private static partial Regex UserId();
}
