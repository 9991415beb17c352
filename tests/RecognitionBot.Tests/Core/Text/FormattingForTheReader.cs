using RecognitionBot.Core.Text;

namespace RecognitionBot.Tests.Core.Text;

/// <summary>Numbers, weekdays and times read the way the reader's language writes them, in the given time zone.</summary>
public sealed class FormattingForTheReader
{
    [Fact]
    public void GroupsSwedishThousandsWithANonBreakingSpace()
    {
        Assert.Equal("1\u00A0500", Texts.For("sv-SE").Number(1500));
    }

    [Fact]
    public void GroupsItalianThousandsWithAFullStop()
    {
        Assert.Equal("1.500", Texts.For("it-IT").Number(1500));
    }

    [Fact]
    public void GroupsEnglishThousandsWithAComma()
    {
        Assert.Equal("1,500", Texts.For("en-US").Number(1500));
        Assert.Equal("1,500", Texts.For("fr-FR").Number(1500));
    }

    [Fact]
    public void FormatsNumbersInsideASentence()
    {
        var swedish = Texts.For("sv-SE");

        var text = swedish.Format("Rewards.Available", swedish.Number(12500));

        Assert.Contains("12\u00A0500", text);
        Assert.StartsWith(Catalogue.Read("sv")["Rewards.Available"].Split("{0}")[0], text);
    }

    [Theory]
    [InlineData("it-IT", "venerdì")]
    [InlineData("sv-SE", "fredag")]
    [InlineData("en-US", "Friday")]
    public void NamesWeekdaysInTheReadersLanguage(string locale, string friday)
    {
        Assert.Equal(friday, Texts.For(locale).Weekday(DayOfWeek.Friday));
    }

    [Fact]
    public void ShowsTimesInTheGivenZone()
    {
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var midnightUtc = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("2025-12-01 01:00", Texts.For("sv-SE").When(midnightUtc, stockholm));
        Assert.Equal("2025-12-01", Texts.For("sv-SE").Day(midnightUtc, stockholm));
        Assert.Equal("01/12/2025", Texts.For("it-IT").Day(midnightUtc, stockholm));
    }

    [Theory]
    [InlineData("en", "Tuesday, December 1")]
    [InlineData("it", "martedì 1 dicembre")]
    [InlineData("sv", "tisdag 1 december")]
    public void NamesTheRenewalDayWithoutAMisleadingTime(string locale, string expected)
    {
        var rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
        var midnightInRome = new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, Texts.For(locale).RenewalDay(midnightInRome, rome));
    }
}
