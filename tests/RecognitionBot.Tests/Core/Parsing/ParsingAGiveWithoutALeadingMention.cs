using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Parsing;

public sealed class ParsingAGiveWithoutALeadingMention
{
    [Fact]
    public void MakesEveryMentionARecipientAndRemovesThemFromTheMessage()
    {
        var give = ParserAssert.Reads<GiveCommand>("thanks <@U1> and <@U2> for the save");

        Assert.Equal([new MemberId("U1"), new MemberId("U2")], give.Recipients);
        Assert.Equal("thanks and for the save", give.Message);
    }

    [Theory]
    [InlineData("thanks <@U1> +20 for the save")]
    [InlineData("+20 thanks <@U1> for the save")]
    public void ReadsPointsBeforeTheMessageOrRightAfterARecipient(string text)
    {
        var give = ParserAssert.Reads<GiveCommand>(text);

        Assert.Equal([new MemberId("U1")], give.Recipients);
        Assert.Equal(20, give.Points);
        Assert.Equal("thanks for the save", give.Message);
    }

    [Fact]
    public void KeepsAPlusNumberFarFromAnyRecipientAsText()
    {
        // "+1 to that" is agreement, not a silent change of points.
        var give = ParserAssert.Reads<GiveCommand>("thanks <@U1> for the save +1");

        Assert.Null(give.Points);
        Assert.Equal("thanks for the save +1", give.Message);
    }

    [Theory]
    [InlineData("thanks <@U1>, you rock", "thanks, you rock")]
    [InlineData("great save <@U1>\nreally", "great save\nreally")]
    [InlineData("great save\n<@U1>\nreally", "great save\nreally")]
    [InlineData("great save\n<@U1> really", "great save\nreally")]
    [InlineData("thanks <@U1>  for  the save", "thanks for  the save")]
    public void ClosesTheGapLeftByARemovedMention(string text, string message) =>
        Assert.Equal(message, ParserAssert.Reads<GiveCommand>(text).Message);

    [Fact]
    public void ReadsThePrivateFlagAndValuesToo()
    {
        var give = ParserAssert.Reads<GiveCommand>("huge thanks <@U1> for the save #ownership --private");

        Assert.True(give.Private);
        Assert.Equal(["ownership"], give.Hashtags);
        Assert.Equal("huge thanks for the save #ownership", give.Message);
    }

    [Theory]
    [InlineData("me and <@U1> closed the backlog", "me and closed the backlog")]
    [InlineData("help with the outage came from <@U1>", "help with the outage came from")]
    [InlineData("history was made by <@U1> today", "history was made by today")]
    [InlineData("rewards should go to <@U1>", "rewards should go to")]
    public void ReadsALookupKeywordFollowedByAMentionAsAKudos(string text, string message)
    {
        var give = ParserAssert.Reads<GiveCommand>(text);

        Assert.Equal([new MemberId("U1")], give.Recipients);
        Assert.Equal(message, give.Message);
    }

    [Fact]
    public void RefusesAKudosWhoseOnlyWordsWereMentions() =>
        ParserAssert.Refuses("kudos <@U1> --private", ParseError.MissingMessage);
}
