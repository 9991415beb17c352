using RecognitionBot.Core.Commands;

namespace RecognitionBot.Tests.Core.Parsing;

public sealed class ParsingDigestCommands
{
    [Fact]
    public void SubscribesWithTheWorkspaceDefaultsWhenNoScheduleIsGiven() =>
        Assert.Equal(new DigestOnCommand(null, null, null), ParserAssert.Reads<DigestOnCommand>("/kudos digest on"));

    [Theory]
    [InlineData("digest on friday 16:00 Europe/Rome", DayOfWeek.Friday, 16, 0, "Europe/Rome")]
    [InlineData("digest on Mon 9:30 America/New_York", DayOfWeek.Monday, 9, 30, "America/New_York")]
    [InlineData("Digest ON SUN 00:00 UTC", DayOfWeek.Sunday, 0, 0, "UTC")]
    [InlineData("digest on wednesday 23:59 Europe/Stockholm", DayOfWeek.Wednesday, 23, 59, "Europe/Stockholm")]
    [InlineData("digest on thu 07:05 europe/rome", DayOfWeek.Thursday, 7, 5, "Europe/Rome")]
    public void ReadsAWeekdayTimeAndZone(string text, DayOfWeek day, int hour, int minute, string zone) =>
        Assert.Equal(new DigestOnCommand(day, new TimeOnly(hour, minute), zone), ParserAssert.Reads<DigestOnCommand>(text));

    [Fact]
    public void StoresAWindowsZoneIdAsItsIanaId() =>
        Assert.Equal("Europe/Berlin", ParserAssert.Reads<DigestOnCommand>("digest on fri 16:00 W. Europe Standard Time").TimeZone);

    [Theory]
    [InlineData("digest on fryday 16:00 UTC", "fryday")]
    [InlineData("digest on fr 16:00 UTC", "fr")]
    [InlineData("digest on 16:00 fri UTC", "16:00")]
    [InlineData("digest on fri 4pm UTC", "4pm")]
    [InlineData("digest on fri 24:00 UTC", "24:00")]
    [InlineData("digest on fri 16:7 UTC", "16:7")]
    [InlineData("digest on fri 16.00 UTC", "16.00")]
    [InlineData("digest on fri", null)]
    public void RefusesABadWeekdayOrTime(string text, string? detail) =>
        ParserAssert.Refuses(text, ParseError.BadDigestSchedule, detail);

    [Theory]
    [InlineData("digest on fri 16:00 Mars/Olympus", "Mars/Olympus")]
    [InlineData("digest on fri 16:00 ../../etc/passwd", "../../etc/passwd")]
    [InlineData("digest on fri 16:00 Europe/Rome please", "Europe/Rome please")]
    [InlineData("digest on fri 16:00", null)]
    public void RefusesAnUnknownTimeZone(string text, string? detail) =>
        ParserAssert.Refuses(text, ParseError.BadTimeZone, detail);

    [Theory]
    [InlineData("digest off")]
    [InlineData("/kudos DIGEST Off")]
    public void Unsubscribes(string text) => ParserAssert.Reads<DigestOffCommand>(text);

    [Fact]
    public void RefusesUnsubscribingWithExtraWords() =>
        ParserAssert.Refuses("digest off friday", ParseError.UnexpectedArgument, "friday");

    [Theory]
    [InlineData("digest now")]
    [InlineData("digest preview")]
    [InlineData("kudos digest Preview")]
    public void PreviewsThisWeeksDigest(string text) => ParserAssert.Reads<DigestPreviewCommand>(text);

    [Theory]
    [InlineData("digest", null)]
    [InlineData("digest weekly", "weekly")]
    [InlineData("digest friday 16:00 UTC", "friday")]
    public void RefusesADigestCommandWithoutOnOffOrNow(string text, string? detail) =>
        ParserAssert.Refuses(text, ParseError.UnknownDigestCommand, detail);
}
