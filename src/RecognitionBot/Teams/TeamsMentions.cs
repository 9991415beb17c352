using System.Text;
using System.Text.RegularExpressions;

namespace RecognitionBot.Teams;

/// <summary>A person mentioned in a message, as the connector resolved them (or could not).</summary>
public sealed record ResolvedMention(string MemberId, string Name, bool Found);

/// <summary>
/// Turns a Teams message into the core's command text: the bot's own mention removed, every other mention entity
/// replaced by <c>&lt;@memberId&gt;</c>, and any <c>&lt;at&gt;</c> markup that is not a real mention reduced to plain words.
/// </summary>
public static partial class TeamsMentions
{
    public static string ToCommandText(Activity activity, IReadOnlyDictionary<string, ResolvedMention> resolved,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? tags = null)
    {
        // A tag is its members, each once, never the giver, and nobody already mentioned by name (as Slack's user groups).
        var mentioned = new HashSet<string>(resolved.Values.Select(r => r.MemberId), StringComparer.OrdinalIgnoreCase);
        var giver = activity.From?.AadObjectId ?? activity.From?.Id;
        var text = (activity.Text ?? "").Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase);
        var builder = new StringBuilder();
        var at = 0;
        // In the order they appear in the text, whatever order the entities came in (a stable sort keeps repeats in order).
        var mentions = (activity.Entities ?? []).Where(e => e.IsMention && e.Mentioned?.Id is not null && !string.IsNullOrEmpty(e.Text))
            .OrderBy(e => text.IndexOf(e.Text!, StringComparison.Ordinal));
        foreach (var mention in mentions)
        {
            var found = text.IndexOf(mention.Text!, at, StringComparison.Ordinal);
            if (found < 0) continue;
            builder.Append(text, at, found - at);
            var id = mention.Mentioned!.Id!;
            if (mention.IsTagMention && tags?.TryGetValue(id, out var members) == true)
            {
                foreach (var member in members.Where(m => !string.Equals(m, giver, StringComparison.OrdinalIgnoreCase) && mentioned.Add(m)))
                    builder.Append(" <@").Append(member).Append("> ");
            }
            else if (id != activity.Recipient?.Id && resolved.TryGetValue(id, out var person))
                builder.Append(" <@").Append(person.MemberId).Append("> ");
            at = found + mention.Text!.Length;
        }
        builder.Append(text, at, text.Length - at);
        // Leftover <at>…</at> (a tag, or markup typed by hand) must not become a mention anywhere: keep the words only.
        var command = AtTag().Replace(builder.ToString(), "$1").Trim();
        // Our examples start with the bot's name; copied into the 1:1 chat it is typed words, not a mention.
        return command.StartsWith(Cards.TeamsTexts.Invocation + " ", StringComparison.OrdinalIgnoreCase)
            || command.Equals(Cards.TeamsTexts.Invocation, StringComparison.OrdinalIgnoreCase)
            ? command[Cards.TeamsTexts.Invocation.Length..].TrimStart()
            : command;
    }

    /// <summary>The mentioned Teams ids that need resolving (everyone but the bot), once each.</summary>
    public static IReadOnlyList<Entity> PeopleMentioned(Activity activity) =>
        [.. activity.MentionsExceptBot().Where(e => !e.IsTagMention).DistinctBy(e => e.Mentioned!.Id)];

    /// <summary>The team tags mentioned, once each.</summary>
    public static IReadOnlyList<Entity> TagsMentioned(Activity activity) =>
        [.. activity.MentionsExceptBot().Where(e => e.IsTagMention).DistinctBy(e => e.Mentioned!.Id)];

    /// <summary>An "@name" typed as words (not a resolved <c>&lt;@id&gt;</c> and not an e-mail address).</summary>
    public static bool HasTypedHandle(string commandText) => TypedHandle().IsMatch(commandText);

    [GeneratedRegex("<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"(?<![<\w.])@[\p{L}\p{N}]")]
    private static partial Regex TypedHandle();
}
