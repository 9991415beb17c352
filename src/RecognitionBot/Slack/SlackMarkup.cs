using System.Text.RegularExpressions;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>
/// Safe mrkdwn from the core's sentences. A sentence is composed with unguessable placeholders for mentions,
/// escaped as a whole (so reward names, messages and typed <c>&lt;!here&gt;</c> stay literal), and only then are
/// the placeholders turned into real mentions.
/// </summary>
public static partial class SlackMarkup
{
    public static string Line(Func<Func<MemberId, string>, string> compose)
    {
        var nonce = Guid.NewGuid().ToString("N");
        var text = compose(m => $"\u0001{nonce}{m.Value}\u0002");
        // One compiled pattern for every nonce (a pattern per call went through Regex's cache and its lock each time);
        // a span whose nonce is not ours came from the user and stays as it was.
        return Placeholder().Replace(SlackText.Escape(text), m => m.Groups[1].ValueSpan.SequenceEqual(nonce) ? SlackText.User(m.Groups[2].Value) : m.Value);
    }

    /// <summary>A plain sentence with nothing to mention.</summary>
    public static string Line(string text) => SlackText.Escape(text);

    public static string Mentions(IEnumerable<MemberId> members) => string.Join(", ", members.Select(m => SlackText.User(m.Value)));

    /// <summary>
    /// A kudos message as rich text: literal text (no markup, no pings) with the members it names as real mentions.
    /// The core writes those as <c>&lt;@id&gt;</c>; the adapter turned anything else a user typed into text first.
    /// </summary>
    public static IReadOnlyList<RichTextElement> Message(string message)
    {
        var elements = new List<RichTextElement>();
        var at = 0;
        foreach (Match m in CoreMention().Matches(message))
        {
            if (m.Index > at) elements.Add(Literal(message[at..m.Index]));
            elements.Add(new RichTextUser(m.Groups[1].Value));
            at = m.Index + m.Length;
        }
        if (at < message.Length || elements.Count == 0) elements.Add(Literal(at < message.Length ? message[at..] : " "));
        return elements;
    }

    // Rich text is shown as typed, but text that reached us raw (a modal's reason) could still read "<!here>";
    // a look-alike angle keeps any later copy of it (notification text, a client quoting it) from becoming a ping.
    private static RichTextText Literal(string text) => new(text.Replace("<!", "‹!", StringComparison.Ordinal));

    public static RichTextBlock Quote(string message) => new([new RichTextQuote(Message(message))]);

    [GeneratedRegex("\u0001([0-9a-f]{32})([^\u0001\u0002]+)\u0002")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"<@([UW][A-Z0-9]+)>")]
    private static partial Regex CoreMention();
}
