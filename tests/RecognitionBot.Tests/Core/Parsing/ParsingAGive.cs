using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Parsing;

public sealed class ParsingAGive
{
    [Fact]
    public void ReadsRecipientsPointsMessageValuesAndPrivateFlag()
    {
        var give = ParserAssert.Reads<GiveCommand>(
            "/kudos <@U1> <@U2> +20 thanks for taking that angry escalation #empathy #Teamwork --private");

        Assert.Equal([new MemberId("U1"), new MemberId("U2")], give.Recipients);
        Assert.Equal(20, give.Points);
        Assert.Equal("thanks for taking that angry escalation #empathy #Teamwork", give.Message);
        Assert.Equal(["empathy", "teamwork"], give.Hashtags);
        Assert.True(give.Private);
    }

    [Fact]
    public void DropsDirectionOverridesThatWouldMakeThePostReadOtherwiseAndKeepsHebrewMarks()
    {
        // U+202E (right-to-left override) ... U+202C, and an isolate: the post would read "thanks for the refund" backwards.
        var give = ParserAssert.Reads<GiveCommand>("<@U1> +5 thanks \u202Ednufer eht\u202C for the \u2067cover\u2069 \u200Fשלום\u200E #care");

        Assert.Equal("thanks dnufer eht for the cover \u200Fשלום\u200E #care", give.Message);
        Assert.Equal(["care"], give.Hashtags);
    }

    [Fact]
    public void LeavesPointsAndPrivacyToTheDefaultsWhenNotGiven()
    {
        var give = ParserAssert.Reads<GiveCommand>("<@U1> great save");

        Assert.Null(give.Points);
        Assert.False(give.Private);
        Assert.Empty(give.Hashtags);
        Assert.Equal("great save", give.Message);
    }

    [Theory]
    [InlineData("/kudos <@U1> great job")]
    [InlineData("kudos <@U1> great job")]
    [InlineData("/KUDOS <@U1> great job")]
    [InlineData("Kudos <@U1> great job")]
    [InlineData("<@U1> great job")]
    public void StripsTheLeadingCommandWord(string text)
    {
        var give = ParserAssert.Reads<GiveCommand>(text);

        Assert.Equal([new MemberId("U1")], give.Recipients);
        Assert.Equal("great job", give.Message);
    }

    [Theory]
    [InlineData("<@U1> +5 <@U2> great job")]
    [InlineData("<@U1> <@U2> +5 great job")]
    [InlineData("+5 <@U1> <@U2> great job")]
    [InlineData("<@U1> <@U2> --private +5 great job")]
    public void AcceptsPointsAmongOrAfterTheRecipients(string text)
    {
        var give = ParserAssert.Reads<GiveCommand>(text);

        Assert.Equal([new MemberId("U1"), new MemberId("U2")], give.Recipients);
        Assert.Equal(5, give.Points);
        Assert.Equal("great job", give.Message);
    }

    [Theory]
    [InlineData("<@U012ABC>", "U012ABC")]
    [InlineData("<@W0ABC>", "W0ABC")]
    [InlineData("<@29:1a2B-3c_d>", "29:1a2B-3c_d")]
    [InlineData("<@3f2a9c1e-6b7d-4e8f-9a0b-1c2d3e4f5a6b>", "3f2a9c1e-6b7d-4e8f-9a0b-1c2d3e4f5a6b")]
    public void ReadsMentionsOfAnyIdShape(string mention, string id)
    {
        var give = ParserAssert.Reads<GiveCommand>($"{mention} great job");

        Assert.Equal([new MemberId(id)], give.Recipients);
    }

    [Fact]
    public void KeepsDuplicateRecipientsForTheRulesToRefuse()
    {
        var give = ParserAssert.Reads<GiveCommand>("<@U1> <@U2> <@U1> great job");

        Assert.Equal([new MemberId("U1"), new MemberId("U2"), new MemberId("U1")], give.Recipients);
    }

    [Fact]
    public void KeepsTheUsersSpacingAndLineBreaksInTheMessage()
    {
        var give = ParserAssert.Reads<GiveCommand>("<@U1> +10 first line\n\nsecond  line\twith a tab\u00A0and a no-break space\n");

        Assert.Equal("first line\n\nsecond  line\twith a tab\u00A0and a no-break space", give.Message);
    }

    [Theory]
    [InlineData("<@U1>\u00A0+10\u00A0great job")]
    [InlineData("<@U1>\n+10\ngreat job")]
    [InlineData("<@U1>\r\n+10\r\ngreat job")]
    [InlineData("\u200B<@U1> +10\u200Bgreat job\uFEFF")]
    [InlineData("  <@U1>\t+10 \t great job  ")]
    [InlineData("/kudos\u2003<@U1>\u3000+10 great job")]
    public void TokenisesOnAnyKindOfWhitespace(string text)
    {
        var give = ParserAssert.Reads<GiveCommand>(text);

        Assert.Equal([new MemberId("U1")], give.Recipients);
        Assert.Equal(10, give.Points);
        Assert.Equal("great job", give.Message);
    }

    [Theory]
    [InlineData("<@U1>, <@U2>: great save")]
    [InlineData("<@U1>,<@U2> great save")]
    [InlineData("<@U1><@U2> great save")]
    [InlineData("<@U1> & <@U2> - great save")]
    [InlineData("<@U1> + <@U2> great save")]
    [InlineData("<@U1>; <@U2> — great save")]
    public void SeparatesRecipientsFromTheCommasAndDashesBetweenThem(string text)
    {
        var give = ParserAssert.Reads<GiveCommand>(text);

        Assert.Equal([new MemberId("U1"), new MemberId("U2")], give.Recipients);
        Assert.Equal("great save", give.Message);
    }

    [Fact]
    public void KeepsLaterMentionsInTheMessageWhenTheKudosStartsWithAMention()
    {
        var give = ParserAssert.Reads<GiveCommand>("<@U1> thanks for helping <@U2> with the outage");

        Assert.Equal([new MemberId("U1")], give.Recipients);
        Assert.Equal("thanks for helping <@U2> with the outage", give.Message);
    }

    [Theory]
    [InlineData("<@U1> great job --private")]
    [InlineData("<@U1> --private great job")]
    [InlineData("<@U1> great --private job")]
    [InlineData("<@U1> great job -p")]
    [InlineData("<@U1> great job -P")]
    [InlineData("<@U1> great job --PRIVATE")]
    [InlineData("<@U1> great job —private")]
    [InlineData("<@U1> great job –private")]
    [InlineData("--private <@U1> great job")]
    public void ReadsThePrivateFlagWhereverItStandsAndRemovesIt(string text)
    {
        var give = ParserAssert.Reads<GiveCommand>(text);

        Assert.True(give.Private);
        Assert.Equal("great job", give.Message);
    }

    [Theory]
    [InlineData("<@U1> great job --public", "--public")]
    [InlineData("<@U1> --points 5 great job", "--points")]
    [InlineData("<@U1> great job --Private2", "--Private2")]
    public void RefusesAnUnknownOption(string text, string option) =>
        ParserAssert.Refuses(text, ParseError.UnknownOption, option);

    [Theory]
    [InlineData("<@U1> great job -- really", "great job -- really")]
    [InlineData("<@U1> great job - really", "great job - really")]
    [InlineData("<@U1> well-deserved", "well-deserved")]
    [InlineData("<@U1> - great job", "great job")]
    public void KeepsDashesThatAreNotOptionsInTheMessage(string text, string message) =>
        Assert.Equal(message, ParserAssert.Reads<GiveCommand>(text).Message);

    [Theory]
    [InlineData("<@U1> +abc thanks", "+abc")]
    [InlineData("<@U1> + thanks", "+")]
    [InlineData("<@U1> +10pts thanks", "+10pts")]
    [InlineData("<@U1> +-5 thanks", "+-5")]
    [InlineData("<@U1> -5 thanks", "-5")]
    [InlineData("<@U1> +99999999999 thanks", "+99999999999")]
    [InlineData("+ten <@U1> thanks", "+ten")]
    public void RefusesPointsThatAreNotANumber(string text, string token) =>
        ParserAssert.Refuses(text, ParseError.BadPoints, token);

    [Theory]
    [InlineData("<@U1> +10 +5 thanks", "+5")]
    [InlineData("+10 <@U1> +5 thanks", "+5")]
    [InlineData("<@U1> +10 <@U2> +5 thanks", "+5")]
    public void RefusesASecondPointsToken(string text, string token) =>
        ParserAssert.Refuses(text, ParseError.DuplicatePoints, token);

    [Theory]
    [InlineData("+0", 0)]
    [InlineData("+500", 500)]
    [InlineData("+007", 7)]
    public void LeavesThePointsRangeToTheRules(string points, int expected) =>
        Assert.Equal(expected, ParserAssert.Reads<GiveCommand>($"<@U1> {points} thanks").Points);

    [Fact]
    public void KeepsAPlusNumberInsideTheMessageAsText()
    {
        var give = ParserAssert.Reads<GiveCommand>("<@U1> great idea, +1 from me");

        Assert.Null(give.Points);
        Assert.Equal("great idea, +1 from me", give.Message);
    }

    [Fact]
    public void LeavesMassPingsInTheMessageForTheRenderersToNeutralise()
    {
        var give = ParserAssert.Reads<GiveCommand>("<@U1> thanks <!channel> and @here");

        Assert.Equal("thanks <!channel> and @here", give.Message);
    }

    [Theory]
    [InlineData("<@U1>")]
    [InlineData("<@U1> +10")]
    [InlineData("<@U1> <@U2> --private")]
    [InlineData("/kudos <@U1>, ")]
    [InlineData("<@U1> +10 \u00A0\n")]
    public void RefusesAKudosWithoutAMessage(string text) =>
        ParserAssert.Refuses(text, ParseError.MissingMessage);

    [Theory]
    [InlineData("great job everyone")]
    [InlineData("+10 great job")]
    [InlineData("kudos great job")]
    [InlineData("+10")]
    [InlineData("--private")]
    [InlineData("#teamwork")]
    public void RefusesAKudosWithoutAnyone(string text) =>
        ParserAssert.Refuses(text, ParseError.NoRecipient);

    [Theory]
    [InlineData("balanse", "balanse")]
    [InlineData("/kudos leaderbord", "leaderbord")]
    [InlineData("kudos thanks!", "thanks!")]
    public void ReadsASingleUnknownWordAsAnUnknownCommand(string text, string word) =>
        ParserAssert.Refuses(text, ParseError.UnknownCommand, word);
}
