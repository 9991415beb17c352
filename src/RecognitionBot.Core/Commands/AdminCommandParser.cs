using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Commands;

/// <summary><c>/kudos admin ...</c>. Whether the sender may run it is decided later, against the workspace.</summary>
internal static class AdminCommandParser
{
    public static ParseResult Parse(CommandTokens tokens, int i)
    {
        if (i == tokens.Count)
            return ParseResult.Fail(ParseError.UnknownAdminCommand);
        var verb = i + 1 < tokens.Count ? tokens.Span(i + 1).ToString().ToLowerInvariant() : "";
        var word = CommandWords.Admin(tokens.Span(i)) ?? tokens.Span(i).ToString().ToLowerInvariant();
        return word switch
        {
            "reward" when verb == "add" => AddReward(tokens.Rest(i + 2)),
            "reward" when verb == "remove" => RemoveReward(tokens, i + 2),
            "allowance" => Allowance(tokens, i + 1),
            "values" when verb is "add" or "remove" => Value(tokens, i + 2, add: verb == "add"),
            "approver" when verb is "add" or "remove" =>
                Member(tokens, i + 2, member => new ChangeApproverCommand(verb == "add", member)),
            "admin" when verb is "add" or "remove" =>
                Member(tokens, i + 2, member => new ChangeAdminCommand(verb == "add", member)),
            "manager" => Manager(tokens, i + 1),
            "role" when verb is "manager" or "member" =>
                Member(tokens, i + 2, member => new SetRoleCommand(member, Manager: verb == "manager")),
            "timezone" => TimeZone(tokens, i + 1),
            "language" => Language(tokens, i + 1),
            "log" => Log(tokens, i + 1),
            "celebrations" when verb is "here" or "off" =>
                CommandParser.Exactly(tokens, i + 2, new SetCelebrationChannelCommand(Here: verb == "here")),
            "outbox" when verb == "retry" => CommandParser.Exactly(tokens, i + 2, new OutboxCommand(Retry: true)),
            "outbox" => CommandParser.Exactly(tokens, i + 1, new OutboxCommand(Retry: false)),
            "integration" or "integrations" => Integration(tokens, i + 1),
            "budget" => Budget(tokens, i + 1),
            _ => ParseResult.Fail(ParseError.UnknownAdminCommand, tokens.Rest(i)),
        };
    }

    /// <summary><c>integration add &lt;name&gt; [--points N] [--channel #c]</c>, <c>integration list</c>, <c>integration remove &lt;name&gt;</c>.</summary>
    private static ParseResult Integration(CommandTokens tokens, int i)
    {
        var verb = i < tokens.Count ? tokens.Word(i).ToLowerInvariant() : "";
        if (verb == "list") return CommandParser.Exactly(tokens, i + 1, new ListIntegrationsCommand());
        if (verb is not ("add" or "remove")) return ParseResult.Fail(ParseError.BadIntegration, verb.Length > 0 ? tokens.Word(i) : null);
        if (i + 1 >= tokens.Count || !Integrations.IntegrationNames.IsValid(tokens.Word(i + 1)))
            return ParseResult.Fail(ParseError.BadIntegration, i + 1 < tokens.Count ? tokens.Word(i + 1) : "<name>");
        var name = tokens.Word(i + 1);
        if (verb == "remove") return CommandParser.Exactly(tokens, i + 2, new RemoveIntegrationCommand(name));
        int? points = null;
        string? channel = null;
        for (var at = i + 2; at < tokens.Count; at += 2)
        {
            var option = tokens.Word(at).ToLowerInvariant();
            if (at + 1 >= tokens.Count) return ParseResult.Fail(ParseError.BadIntegration, tokens.Word(at));
            var value = tokens.Word(at + 1);
            switch (option)
            {
                case "--points" when points is null && int.TryParse(value, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var p) && p <= 100:
                    points = p;
                    break;
                case "--channel" when channel is null && value.StartsWith('#') && value.Length > 1:
                    channel = value[1..];
                    break;
                default:
                    return ParseResult.Fail(ParseError.BadIntegration, $"{tokens.Word(at)} {value}");
            }
        }
        return ParseResult.Success(new AddIntegrationCommand(name, points, channel));
    }

    private static ParseResult Budget(CommandTokens tokens, int i)
    {
        if (i == tokens.Count) return ParseResult.Success(new BudgetCommand(null));
        return int.TryParse(tokens.Word(i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var points)
            && points <= 10_000_000
            ? CommandParser.Exactly(tokens, i + 1, new BudgetCommand(points))
            : ParseResult.Fail(ParseError.BadBudget, tokens.Word(i));
    }

    private static ParseResult RemoveReward(CommandTokens tokens, int i)
    {
        var id = tokens.RestUnquoted(i);
        return id.Length == 0
            ? ParseResult.Fail(ParseError.MissingRewardId)
            : ParseResult.Success(new RemoveRewardCommand(id));
    }

    private static ParseResult Allowance(CommandTokens tokens, int i)
    {
        if (i == tokens.Count)
            return ParseResult.Fail(ParseError.BadAllowance);
        if (!CommandParser.TryReadPositive(tokens.Span(i), out var points))
            return ParseResult.Fail(ParseError.BadAllowance, tokens.Word(i));
        if (i + 1 == tokens.Count)
            return ParseResult.Success(new SetAllowanceCommand(points, null));
        AllowancePeriod? period = tokens.Span(i + 1).ToString().ToLowerInvariant() switch
        {
            "monthly" or "month" => AllowancePeriod.Monthly,
            "weekly" or "week" => AllowancePeriod.Weekly,
            _ => null,
        };
        if (period is null)
            return ParseResult.Fail(ParseError.BadAllowance, tokens.Word(i + 1));
        if (i + 2 < tokens.Count)
            return ParseResult.Fail(ParseError.BadAllowance, tokens.Word(i + 2));
        return ParseResult.Success(new SetAllowanceCommand(points, period));
    }

    private static ParseResult Value(CommandTokens tokens, int i, bool add)
    {
        if (i == tokens.Count)
            return ParseResult.Fail(ParseError.BadValue);
        if (!Hashtags.TryRead(tokens.Span(i), out var value))
            return ParseResult.Fail(ParseError.BadValue, tokens.Word(i));
        return CommandParser.Exactly(tokens, i + 1, new ChangeValuesCommand(add, value));
    }

    private static ParseResult Member(CommandTokens tokens, int i, Func<MemberId, AdminCommand> command)
    {
        if (!tokens.IsMention(i))
            return ParseResult.Fail(ParseError.MissingMember, i < tokens.Count ? tokens.Word(i) : null);
        return CommandParser.Exactly(tokens, i + 1, command(new MemberId(tokens.MentionId(i))));
    }

    private static ParseResult Manager(CommandTokens tokens, int i)
    {
        for (var at = i; at < i + 2; at++)
            if (!tokens.IsMention(at))
                return ParseResult.Fail(ParseError.MissingMember, at < tokens.Count ? tokens.Word(at) : null);
        var agent = new MemberId(tokens.MentionId(i));
        var manager = new MemberId(tokens.MentionId(i + 1));
        return CommandParser.Exactly(tokens, i + 2, new SetManagerCommand(agent, manager));
    }

    private static ParseResult Log(CommandTokens tokens, int i)
    {
        if (i == tokens.Count) return ParseResult.Success(new AuditLogCommand(AuditLogCommand.Default));
        if (!CommandParser.TryReadPositive(tokens.Span(i), out var count) || count > AuditLogCommand.Max)
            return ParseResult.Fail(ParseError.BadLogCount, tokens.Word(i));
        return CommandParser.Exactly(tokens, i + 1, new AuditLogCommand(count));
    }

    private static ParseResult Language(CommandTokens tokens, int i)
    {
        if (i == tokens.Count) return ParseResult.Fail(ParseError.BadLanguage);
        return CommandWords.Language(tokens.Span(i)) is { } language
            ? CommandParser.Exactly(tokens, i + 1, new SetLanguageCommand(language))
            : ParseResult.Fail(ParseError.BadLanguage, tokens.Word(i));
    }

    private static ParseResult TimeZone(CommandTokens tokens, int i)
    {
        var zone = tokens.RestUnquoted(i);
        if (zone.Length == 0)
            return ParseResult.Fail(ParseError.BadTimeZone);
        return CommandParser.TryResolveTimeZone(zone, out var zoneId)
            ? ParseResult.Success(new SetTimeZoneCommand(zoneId))
            : ParseResult.Fail(ParseError.BadTimeZone, zone);
    }

    // The name may be quoted (straight or typographic quotes, as phones and Word type them), a single word, or,
    // because admins will type it anyway, several unquoted words up to the cost.
    private static ParseResult AddReward(string rest)
    {
        var remaining = rest.AsSpan();
        string name;
        if (remaining.Length > 0 && CommandTokens.ClosingQuotes(remaining[0]) is { } closers)
        {
            var close = remaining[1..].IndexOfAny(closers);
            if (close < 0)
                return Bad(rest);
            name = remaining.Slice(1, close).Trim().ToString();
            remaining = remaining[(close + 2)..];
        }
        else
        {
            var end = 0;
            foreach (var range in remaining.Split(' '))
            {
                var word = remaining[range];
                if (IsNumber(word) || word.StartsWith("--"))
                    break;
                end = range.End.Value;
            }
            name = remaining[..end].ToString();
            remaining = remaining[end..];
        }
        if (name.Length == 0)
            return Bad("<name>");

        var words = remaining.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0].StartsWith("--", StringComparison.Ordinal))
            return Bad("<cost>");
        if (!CommandParser.TryReadPositive(words[0], out var cost))
            return Bad(words[0]);

        int? stock = null;
        int? monthlyLimit = null;
        var needsApproval = true;
        for (var w = 1; w < words.Length; w++)
        {
            // "--stock 5" and "--stock=5" both read naturally.
            var (option, value) = words[w].IndexOf('=') is var eq and > 0
                ? (words[w][..eq], words[w][(eq + 1)..])
                : (words[w], null);
            switch (option.ToLowerInvariant())
            {
                case "--no-approval" when value is null:
                    needsApproval = false;
                    break;
                case "--stock":
                case "--monthly-limit":
                    if (value is null && w + 1 < words.Length && !words[w + 1].StartsWith("--", StringComparison.Ordinal))
                        value = words[++w];
                    if (value is null)
                        return Bad(option);
                    if (!CommandParser.TryReadPositive(value, out var number))
                        return Bad($"{option} {value}");
                    if (option.Equals("--stock", StringComparison.OrdinalIgnoreCase))
                        stock = number;
                    else
                        monthlyLimit = number;
                    break;
                default:
                    return Bad(words[w]);
            }
        }
        return ParseResult.Success(new AddRewardCommand(name, cost, stock, needsApproval, monthlyLimit));

        static ParseResult Bad(string detail) => ParseResult.Fail(ParseError.BadRewardAdd, detail);
    }

    private static bool IsNumber(ReadOnlySpan<char> word) =>
        word.TrimStart("+-").Length > 0 && word.TrimStart("+-").IndexOfAnyExceptInRange('0', '9') < 0;
}
