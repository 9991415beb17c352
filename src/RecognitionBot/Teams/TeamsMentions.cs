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
    public static string ToCommandText(Activity activity, IReadOnlyDictionary<string, ResolvedMention> resolved)
    {
        var text = (activity.Text ?? "").Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase);
        var builder = new StringBuilder();
        var at = 0;
        foreach (var mention in (activity.Entities ?? []).Where(e => e.IsMention && e.Mentioned?.Id is not null && !string.IsNullOrEmpty(e.Text)))
        {
            var found = text.IndexOf(mention.Text!, at, StringComparison.Ordinal);
            if (found < 0) continue;
            builder.Append(text, at, found - at);
            var id = mention.Mentioned!.Id!;
            if (id != activity.Recipient?.Id && resolved.TryGetValue(id, out var person))
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
        [.. activity.MentionsExceptBot().DistinctBy(e => e.Mentioned!.Id)];

    /// <summary>An "@name" typed as words (not a resolved <c>&lt;@id&gt;</c> and not an e-mail address).</summary>
    public static bool HasTypedHandle(string commandText) => TypedHandle().IsMatch(commandText);

    [GeneratedRegex("<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"(?<![<\w.])@[\p{L}\p{N}]")]
    private static partial Regex TypedHandle();
}
