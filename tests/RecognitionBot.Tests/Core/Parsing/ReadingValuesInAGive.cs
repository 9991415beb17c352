using RecognitionBot.Core.Commands;

namespace RecognitionBot.Tests.Core.Parsing;

public sealed class ReadingValuesInAGive
{
    [Fact]
    public void CollectsHashtagsLowercasedOnceAndLeavesThemInTheMessage()
    {
        var give = ParserAssert.Reads<GiveCommand>("<@U1> great #Empathy and #teamwork, truly #EMPATHY");

        Assert.Equal(["empathy", "teamwork"], give.Hashtags);
        Assert.Equal("great #Empathy and #teamwork, truly #EMPATHY", give.Message);
    }

    [Fact]
    public void ReadsLettersDigitsHyphensAndUnderscoresInAnyScript()
    {
        var give = ParserAssert.Reads<GiveCommand>("<@U1> #customer-first #above_and_beyond #q3-wins #Åsa #lavoro_di_squadra");

        Assert.Equal(["customer-first", "above_and_beyond", "q3-wins", "åsa", "lavoro_di_squadra"], give.Hashtags);
    }

    [Theory]
    [InlineData("that was #teamwork.")]
    [InlineData("that was #teamwork!")]
    [InlineData("that was (#teamwork)")]
    [InlineData("that was #teamwork- really")]
    [InlineData("that was #teamwork/#")]
    [InlineData("that was ##teamwork")]
    public void EndsAHashtagAtPunctuation(string message) =>
        Assert.Equal(["teamwork"], ParserAssert.Reads<GiveCommand>($"<@U1> {message}").Hashtags);

    [Theory]
    [InlineData("C# rocks")]
    [InlineData("ticket #123 is closed")]
    [InlineData("see https://example.com/page#top")]
    [InlineData("posted in <#C123|general>")]
    [InlineData("it&#39;s done")]
    [InlineData("a lone # sign")]
    [InlineData("#- and #_")]
    public void IgnoresHashesThatAreNotTags(string message) =>
        Assert.Empty(ParserAssert.Reads<GiveCommand>($"<@U1> {message}").Hashtags);
}
