using RecognitionBot.Core.Commands;

namespace RecognitionBot.Tests.Core.Parsing;

/// <summary>
/// The command words in Italian and Swedish mean exactly what their English ones mean: each parses to the same
/// command as its English word with the same arguments, English keeps working, and no word means two commands.
/// </summary>
public sealed class ParsingItalianAndSwedishWords
{
    // Every Italian and Swedish word, with the English text it must read the same as.
    public static TheoryData<string, string> SameAsEnglish => new()
    {
        { "saldo", "balance" },
        { "/kudos Saldo", "balance" },
        { "premi", "rewards" },
        { "belöningar", "rewards" },
        { "beloningar", "rewards" },
        { "storico", "history" },
        { "historik", "history" },
        { "aiuto", "help" },
        { "hjälp", "help" },
        { "hjalp", "help" },
        { "hjälp?", "help" },
        { "classifica", "leaderboard" },
        { "topplista", "leaderboard" },
        { "classifica settimana", "leaderboard week" },
        { "classifica mese", "leaderboard month" },
        { "classifica sempre", "leaderboard all" },
        { "classifica tutto", "leaderboard all" },
        { "topplista vecka", "leaderboard week" },
        { "topplista månad", "leaderboard month" },
        { "topplista manad", "leaderboard month" },
        { "topplista alla", "leaderboard all" },
        { "topplista allt", "leaderboard all" },
        { "leaderboard vecka", "leaderboard week" },
        { "riscatta Extra break", "redeem Extra break" },
        { "lös in Extra break", "redeem Extra break" },
        { "Lös in \"Extra break\"", "redeem \"Extra break\"" },
        { "los in kaffekupong", "redeem kaffekupong" },
        { "lösin kaffekupong", "redeem kaffekupong" },
        { "losin kaffekupong", "redeem kaffekupong" },
        { "annulla 4f2a9c1b7d3e", "cancel 4f2a9c1b7d3e" },
        { "avbryt 4f2a9c1b7d3e", "cancel 4f2a9c1b7d3e" },
        { "nomina <@bob> sempre calmo al telefono", "nominate <@bob> sempre calmo al telefono" },
        { "nominera <@bob> alltid lugn i telefon", "nominate <@bob> alltid lugn i telefon" },
        { "impostazioni", "settings" },
        { "inställningar", "settings" },
        { "installningar", "settings" },
        { "impostazioni private on", "settings private on" },
        { "riepilogo attiva", "digest on" },
        { "riepilogo disattiva", "digest off" },
        { "riepilogo ora", "digest now" },
        { "riepilogo anteprima", "digest now" },
        { "riepilogo attiva venerdì 16:00 Europe/Rome", "digest on friday 16:00 Europe/Rome" },
        { "riepilogo attiva lunedi 09:30 Europe/Rome", "digest on monday 09:30 Europe/Rome" },
        { "sammanfattning på", "digest on" },
        { "sammanfattning pa", "digest on" },
        { "sammanfattning av", "digest off" },
        { "sammanfattning nu", "digest now" },
        { "sammanfattning förhandsvisning", "digest now" },
        { "sammanfattning på fredag 16:00 Europe/Stockholm", "digest on friday 16:00 Europe/Stockholm" },
        { "sammanfattning på söndag 8:00 Europe/Stockholm", "digest on sunday 8:00 Europe/Stockholm" },
        { "admin lingua it", "admin language it" },
        { "admin språk sv", "admin language sv" },
        { "admin sprak svenska", "admin language sv" },
        { "admin language italiano", "admin language it" },
        { "admin language engelska", "admin language en" },
    };

    [Theory]
    [MemberData(nameof(SameAsEnglish))]
    public void EachWordReadsAsItsEnglishCommand(string text, string english)
    {
        var local = CommandParser.Parse(text);
        var reference = CommandParser.Parse(english);

        Assert.True(reference.Ok, $"the English \"{english}\" must parse");
        Assert.True(local.Ok, $"\"{text}\" was refused: {local.Error} ({local.Detail})");
        Assert.Equal(reference.Command, local.Command);
    }

    [Fact]
    public void EveryWordInTheTablesIsTested()
    {
        var tested = SameAsEnglish.Select(row => ((string)row[0]).Split(' ')).ToList();
        var words = CommandWords.Commands.Concat(CommandWords.Periods).Concat(CommandWords.DigestVerbs).Concat(CommandWords.AdminWords)
            .Where(w => w.Language != "en").Select(w => w.Text);

        Assert.All(words, word => Assert.Contains(tested, t => t.Any(x => x.TrimEnd('?').Equals(word, StringComparison.OrdinalIgnoreCase))
            || (word is "lösin" or "losin" && t.Contains(word))));
    }

    [Fact]
    public void NoWordMeansTwoCommands()
    {
        foreach (var table in new[] { CommandWords.Commands, CommandWords.Periods, CommandWords.DigestVerbs, CommandWords.AdminWords,
            CommandWords.Languages, CommandWords.Weekdays })
        {
            var meanings = table.GroupBy(w => w.Text, StringComparer.OrdinalIgnoreCase).Where(g => g.Select(w => w.Meaning).Distinct().Count() > 1);
            Assert.Empty(meanings.Select(g => g.Key));
        }
        // A top-level word in one language is never the start of something else in another: "lös" alone means nothing.
        Assert.DoesNotContain(CommandWords.Commands, w => CommandWords.TwoWordRedeem.Any(t => t.First.Equals(w.Text, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void TheSameWordInTwoLanguagesMeansTheSameCommand()
    {
        var saldo = CommandWords.Commands.Where(w => w.Text == "saldo").ToList();

        Assert.Equal(["it", "sv"], saldo.Select(w => w.Language).Order());
        Assert.Single(saldo.Select(w => w.Meaning).Distinct());
        Assert.IsType<BalanceCommand>(CommandParser.Parse("saldo").Command);
    }

    [Theory]
    [InlineData("balance")]
    [InlineData("leaderboard week")]
    [InlineData("redeem Extra break")]
    [InlineData("digest on")]
    [InlineData("admin language sv")]
    public void EnglishAlwaysWorks(string text) => Assert.True(CommandParser.Parse(text).Ok);

    [Fact]
    public void LösAloneIsNotACommandButTheStartOfAKudos()
    {
        var result = CommandParser.Parse("lös <@U1> +5 tack för hjälpen");

        Assert.IsType<GiveCommand>(result.Command);
    }

    [Theory]
    [InlineData("admin language fr", "fr")]
    [InlineData("admin lingua francese", "francese")]
    [InlineData("admin språk", null)]
    public void AnUnknownLanguageIsRefused(string text, string? detail) => ParserAssert.Refuses(text, ParseError.BadLanguage, detail);

    [Fact]
    public void AdminLanguageReadsTheLanguage() =>
        Assert.Equal(new SetLanguageCommand("it"), ParserAssert.Reads<SetLanguageCommand>("admin language IT"));
}
