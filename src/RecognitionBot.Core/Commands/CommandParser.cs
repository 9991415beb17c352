using System.Globalization;
using RecognitionBot.Core.Text;

namespace RecognitionBot.Core.Commands;

/// <summary>
/// Reads the text of a command, with mentions already written as <c>&lt;@memberId&gt;</c> by the adapter, into a
/// <see cref="KudosCommand"/>, or says what was wrong with it. Pure: no storage, no workspace settings, so the
/// same text means the same command on Slack and on Teams.
/// </summary>
public static class CommandParser
{
    /// <summary>
    /// Reads one command. Empty text is a request for help. Expected mistakes come back as a
    /// <see cref="ParseError"/> with the offending token as detail; nothing here throws on user input.
    /// </summary>
    public static ParseResult Parse(string text)
    {
        var tokens = CommandTokenizer.Tokenize(TextSafety.WithoutDirectionControls(text ?? ""));
        var first = tokens.Is(0, "/kudos") || tokens.Is(0, "kudos") ? 1 : 0;
        // A bare "/kudos" is someone finding out what the bot does.
        if (first == tokens.Count)
            return ParseResult.Success(new HelpCommand());
        if (tokens.IsMention(first))
            return GiveCommandParser.Parse(tokens, first);

        var arguments = first + 1;
        var keyword = Keyword(tokens.Span(first));
        if (keyword is null && IsTwoWordRedeem(tokens, first))
            (keyword, arguments) = ("redeem", first + 2);
        return keyword switch
        {
            "balance" or "me" => Lookup(tokens, first, new BalanceCommand()),
            "rewards" => Lookup(tokens, first, new RewardsCommand()),
            "history" => Lookup(tokens, first, new HistoryCommand()),
            "help" or "?" or "--help" => Lookup(tokens, first, new HelpCommand()),
            "leaderboard" => Leaderboard(tokens, arguments),
            "redeem" => Redeem(tokens, arguments),
            "cancel" => Cancel(tokens, arguments),
            "digest" => Digest(tokens, arguments),
            "settings" => Settings(tokens, arguments),
            "admin" => AdminCommandParser.Parse(tokens, arguments),
            "nominate" => Nominate(tokens, arguments),
            _ => GiveCommandParser.Parse(tokens, first),
        };
    }

    // "help?" and "balance." are the keyword; a lone "?" is a keyword of its own. The words of every language count.
    private static string? Keyword(ReadOnlySpan<char> word) => CommandWords.Command(word.Length > 1 ? word.TrimEnd(".!?") : word);

    private static bool IsTwoWordRedeem(CommandTokens tokens, int i)
    {
        if (i + 1 >= tokens.Count) return false;
        foreach (var (first, second) in CommandWords.TwoWordRedeem)
            if (tokens.Span(i).Equals(first, StringComparison.OrdinalIgnoreCase) && tokens.Span(i + 1).Equals(second, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    // Commands that only show something ignore extra words ("balance please"). With a mention and more words the
    // keyword was the first word of a kudos ("history was made by @a today"); with only a mention it was not, and
    // "balance @a" must not quietly give @a points with the message "balance".
    private static ParseResult Lookup(CommandTokens tokens, int keyword, KudosCommand command)
    {
        var firstMention = -1;
        var hasWords = false;
        for (var i = keyword + 1; i < tokens.Count; i++)
        {
            if (!tokens.IsMention(i))
                hasWords = true;
            else if (firstMention < 0)
                firstMention = i;
        }
        if (firstMention < 0)
            return ParseResult.Success(command);
        return hasWords
            ? GiveCommandParser.Parse(tokens, keyword)
            : ParseResult.Fail(ParseError.UnexpectedArgument, tokens.Word(firstMention));
    }

    private static ParseResult Leaderboard(CommandTokens tokens, int i)
    {
        if (i == tokens.Count)
            return ParseResult.Success(new LeaderboardCommand(LeaderboardPeriod.Month));
        if (i + 1 < tokens.Count)
            return ParseResult.Fail(ParseError.BadLeaderboardPeriod, tokens.Rest(i));
        LeaderboardPeriod? period = CommandWords.Period(tokens.Span(i)) switch
        {
            "week" => LeaderboardPeriod.Week,
            "month" => LeaderboardPeriod.Month,
            "all" => LeaderboardPeriod.All,
            _ => null,
        };
        return period is { } found
            ? ParseResult.Success(new LeaderboardCommand(found))
            : ParseResult.Fail(ParseError.BadLeaderboardPeriod, tokens.Word(i));
    }

    private static ParseResult Redeem(CommandTokens tokens, int i)
    {
        var reward = tokens.RestUnquoted(i);
        return reward.Length == 0
            ? ParseResult.Fail(ParseError.MissingReward)
            : ParseResult.Success(new RedeemCommand(reward));
    }

    // "nominate @x why": one person, then the reason (its length is the decider's rule, so it is the same on a card).
    private static ParseResult Nominate(CommandTokens tokens, int i)
    {
        if (!tokens.IsMention(i))
            return ParseResult.Fail(ParseError.BadNomination, i < tokens.Count ? tokens.Word(i) : null);
        // Two people at once is two nominations; a colleague named later in the reason is part of it.
        if (tokens.IsMention(i + 1))
            return ParseResult.Fail(ParseError.BadNomination, tokens.Word(i + 1));
        var reason = tokens.Rest(i + 1);
        return reason.Trim().Length == 0
            ? ParseResult.Fail(ParseError.MissingNominationReason)
            : ParseResult.Success(new NominateCommand(new Workspaces.MemberId(tokens.MentionId(i)), reason.Trim()));
    }

    private static ParseResult Cancel(CommandTokens tokens, int i)
    {
        var id = i < tokens.Count ? CommandTokens.StripQuotes(tokens.Word(i)) : "";
        if (id.Length == 0)
            return ParseResult.Fail(ParseError.MissingRedemptionId);
        return Exactly(tokens, i + 1, new CancelRedemptionCommand(id));
    }

    private static ParseResult Digest(CommandTokens tokens, int i)
    {
        if (i == tokens.Count)
            return ParseResult.Fail(ParseError.UnknownDigestCommand);
        return CommandWords.Digest(tokens.Span(i)) switch
        {
            "on" => DigestOn(tokens, i + 1),
            "off" => Exactly(tokens, i + 1, new DigestOffCommand()),
            "now" => ParseResult.Success(new DigestPreviewCommand()),
            _ => ParseResult.Fail(ParseError.UnknownDigestCommand, tokens.Word(i)),
        };
    }

    // The schedule is all or nothing: a weekday without a time or zone would be a guess at what was meant.
    private static ParseResult DigestOn(CommandTokens tokens, int i)
    {
        if (i == tokens.Count)
            return ParseResult.Success(new DigestOnCommand(null, null, null));
        if (!TryReadWeekday(tokens.Span(i), out var day))
            return ParseResult.Fail(ParseError.BadDigestSchedule, tokens.Word(i));
        if (i + 1 == tokens.Count)
            return ParseResult.Fail(ParseError.BadDigestSchedule);
        if (!TryReadTime(tokens.Span(i + 1), out var time))
            return ParseResult.Fail(ParseError.BadDigestSchedule, tokens.Word(i + 1));
        if (i + 2 == tokens.Count)
            return ParseResult.Fail(ParseError.BadTimeZone);
        var zone = tokens.RestUnquoted(i + 2);
        return TryResolveTimeZone(zone, out var zoneId)
            ? ParseResult.Success(new DigestOnCommand(day, time, zoneId))
            : ParseResult.Fail(ParseError.BadTimeZone, zone);
    }

    private static ParseResult Settings(CommandTokens tokens, int i)
    {
        if (i == tokens.Count)
            return ParseResult.Success(new SettingsCommand(null, null));
        MemberSetting? setting = tokens.Span(i).ToString().ToLowerInvariant() switch
        {
            "private" => MemberSetting.Private,
            "dm" or "dms" => MemberSetting.Dm,
            _ => null,
        };
        bool? on = i + 1 < tokens.Count ? OnOff(tokens.Span(i + 1)) : null;
        if (setting is null || on is null || i + 2 < tokens.Count)
            return ParseResult.Fail(ParseError.BadSetting, tokens.Rest(i));
        return ParseResult.Success(new SettingsCommand(setting, on));
    }

    private static bool? OnOff(ReadOnlySpan<char> word) =>
        word.Equals("on", StringComparison.OrdinalIgnoreCase) ? true
        : word.Equals("off", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>The command, if nothing follows position <paramref name="end"/>: changes are never made on half-read input.</summary>
    internal static ParseResult Exactly(CommandTokens tokens, int end, KudosCommand command) =>
        end < tokens.Count
            ? ParseResult.Fail(ParseError.UnexpectedArgument, tokens.Word(end))
            : ParseResult.Success(command);

    internal static bool TryReadPositive(ReadOnlySpan<char> word, out int value) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    private static bool TryReadWeekday(ReadOnlySpan<char> word, out DayOfWeek day)
    {
        if (CommandWords.Weekday(word) is { } english) return Enum.TryParse(english, out day);
        for (day = DayOfWeek.Sunday; day <= DayOfWeek.Saturday; day++)
        {
            var name = day.ToString();
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase)
                || (word.Length == 3 && word.Equals(name.AsSpan(0, 3), StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }

    private static bool TryReadTime(ReadOnlySpan<char> word, out TimeOnly time) =>
        TimeOnly.TryParseExact(word, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>
    /// A zone the system knows, as its IANA id. Windows ids ("W. Europe Standard Time", which Microsoft shops use)
    /// are accepted and stored as their IANA equivalent, so every zone in storage has the same kind of id.
    /// </summary>
    internal static bool TryResolveTimeZone(string id, out string ianaId)
    {
        ianaId = "";
        if (id.Length is 0 or > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            return false;
        ianaId = zone.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var converted)
            ? zone.Id
            : converted;
        return true;
    }
}
