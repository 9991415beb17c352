using System.Collections.Frozen;

namespace RecognitionBot.Core.Commands;

/// <summary>
/// The words people type, in every language the bot speaks, and the command each one means. English always works;
/// Italian and Swedish words are chosen as a colleague would say them (docs/decisions.md "Leavers and language").
/// A word means one command whatever the language ("saldo" is balance in both Italian and Swedish), which the
/// table checks when it is built, so no text reads as one command in one language and another in the next.
/// </summary>
public static class CommandWords
{
    /// <summary>A word, what it means (the English keyword), and the language it belongs to.</summary>
    public sealed record Word(string Text, string Meaning, string Language);

    /// <summary>The top-level words: <c>/kudos &lt;word&gt; ...</c>.</summary>
    public static readonly IReadOnlyList<Word> Commands =
    [
        new("balance", "balance", "en"), new("me", "balance", "en"), new("rewards", "rewards", "en"), new("history", "history", "en"),
        new("help", "help", "en"), new("?", "help", "en"), new("--help", "help", "en"), new("leaderboard", "leaderboard", "en"),
        new("redeem", "redeem", "en"), new("cancel", "cancel", "en"), new("digest", "digest", "en"), new("settings", "settings", "en"),
        new("admin", "admin", "en"), new("nominate", "nominate", "en"),

        new("saldo", "balance", "it"), new("premi", "rewards", "it"), new("storico", "history", "it"), new("aiuto", "help", "it"),
        new("classifica", "leaderboard", "it"), new("riscatta", "redeem", "it"), new("annulla", "cancel", "it"),
        new("riepilogo", "digest", "it"), new("impostazioni", "settings", "it"),
        new("nomina", "nominate", "it"),

        new("saldo", "balance", "sv"), new("belöningar", "rewards", "sv"), new("beloningar", "rewards", "sv"), new("historik", "history", "sv"),
        new("hjälp", "help", "sv"), new("hjalp", "help", "sv"), new("topplista", "leaderboard", "sv"), new("lösin", "redeem", "sv"),
        new("losin", "redeem", "sv"), new("avbryt", "cancel", "sv"), new("sammanfattning", "digest", "sv"),
        new("inställningar", "settings", "sv"), new("installningar", "settings", "sv"),
        new("nominera", "nominate", "sv"),
    ];

    /// <summary>Swedish says "lös in" (redeem) in two words; the first of them alone means nothing.</summary>
    public static readonly IReadOnlyList<(string First, string Second)> TwoWordRedeem = [("lös", "in"), ("los", "in")];

    /// <summary>Leaderboard periods.</summary>
    public static readonly IReadOnlyList<Word> Periods =
    [
        new("week", "week", "en"), new("weekly", "week", "en"), new("month", "month", "en"), new("monthly", "month", "en"),
        new("all", "all", "en"), new("all-time", "all", "en"), new("alltime", "all", "en"),
        new("settimana", "week", "it"), new("mese", "month", "it"), new("sempre", "all", "it"), new("tutto", "all", "it"),
        new("vecka", "week", "sv"), new("månad", "month", "sv"), new("manad", "month", "sv"), new("alla", "all", "sv"), new("allt", "all", "sv"),
    ];

    /// <summary>What follows <c>digest</c>.</summary>
    public static readonly IReadOnlyList<Word> DigestVerbs =
    [
        new("on", "on", "en"), new("off", "off", "en"), new("now", "now", "en"), new("preview", "now", "en"),
        new("attiva", "on", "it"), new("disattiva", "off", "it"), new("ora", "now", "it"), new("anteprima", "now", "it"),
        new("på", "on", "sv"), new("pa", "on", "sv"), new("av", "off", "sv"), new("nu", "now", "sv"), new("förhandsvisning", "now", "sv"),
    ];

    /// <summary>Weekdays of the digest's schedule (English also takes the three-letter forms).</summary>
    public static readonly IReadOnlyList<Word> Weekdays =
    [
        new("lunedì", "Monday", "it"), new("lunedi", "Monday", "it"), new("martedì", "Tuesday", "it"), new("martedi", "Tuesday", "it"),
        new("mercoledì", "Wednesday", "it"), new("mercoledi", "Wednesday", "it"), new("giovedì", "Thursday", "it"), new("giovedi", "Thursday", "it"),
        new("venerdì", "Friday", "it"), new("venerdi", "Friday", "it"), new("sabato", "Saturday", "it"), new("domenica", "Sunday", "it"),
        new("måndag", "Monday", "sv"), new("mandag", "Monday", "sv"), new("tisdag", "Tuesday", "sv"), new("onsdag", "Wednesday", "sv"),
        new("torsdag", "Thursday", "sv"), new("fredag", "Friday", "sv"), new("lördag", "Saturday", "sv"), new("lordag", "Saturday", "sv"),
        new("söndag", "Sunday", "sv"), new("sondag", "Sunday", "sv"),
    ];

    /// <summary>The admin sub-commands that have words of their own (the rest are English only, as admins read the docs).</summary>
    public static readonly IReadOnlyList<Word> AdminWords =
    [
        new("language", "language", "en"), new("lingua", "language", "it"), new("språk", "language", "sv"), new("sprak", "language", "sv"),
    ];

    /// <summary>The languages <c>admin language</c> takes, by code or by name in any of them.</summary>
    public static readonly IReadOnlyList<Word> Languages =
    [
        new("en", "en", "en"), new("english", "en", "en"), new("inglese", "en", "it"), new("engelska", "en", "sv"),
        new("it", "it", "en"), new("italian", "it", "en"), new("italiano", "it", "it"), new("italienska", "it", "sv"),
        new("sv", "sv", "en"), new("swedish", "sv", "en"), new("svedese", "sv", "it"), new("svenska", "sv", "sv"),
    ];

    private static readonly FrozenDictionary<string, string> CommandMeaning = Build(Commands);
    private static readonly FrozenDictionary<string, string> PeriodMeaning = Build(Periods);
    private static readonly FrozenDictionary<string, string> DigestMeaning = Build(DigestVerbs);
    private static readonly FrozenDictionary<string, string> AdminMeaning = Build(AdminWords);
    private static readonly FrozenDictionary<string, string> WeekdayMeaning = Build(Weekdays);
    private static readonly FrozenDictionary<string, string> LanguageMeaning = Build(Languages);

    /// <summary>The English keyword a top-level word means, or null.</summary>
    public static string? Command(ReadOnlySpan<char> word) => Find(CommandMeaning, word);

    public static string? Period(ReadOnlySpan<char> word) => Find(PeriodMeaning, word);

    public static string? Digest(ReadOnlySpan<char> word) => Find(DigestMeaning, word);

    public static string? Admin(ReadOnlySpan<char> word) => Find(AdminMeaning, word);

    /// <summary>An Italian or Swedish weekday as its English name, or null.</summary>
    public static string? Weekday(ReadOnlySpan<char> word) => Find(WeekdayMeaning, word);

    public static string? Language(ReadOnlySpan<char> word) => Find(LanguageMeaning, word);

    private static string? Find(FrozenDictionary<string, string> table, ReadOnlySpan<char> word) =>
        table.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var meaning) ? meaning : null;

    private static FrozenDictionary<string, string> Build(IReadOnlyList<Word> words)
    {
        var table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in words)
            if (!table.TryAdd(word.Text, word.Meaning) && table[word.Text] != word.Meaning)
                throw new InvalidOperationException($"\"{word.Text}\" would mean both {table[word.Text]} and {word.Meaning}.");
        return table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
