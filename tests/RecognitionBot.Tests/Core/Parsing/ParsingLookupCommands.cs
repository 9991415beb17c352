using RecognitionBot.Core.Commands;

namespace RecognitionBot.Tests.Core.Parsing;

public sealed class ParsingLookupCommands
{
    [Theory]
    [InlineData("balance")]
    [InlineData("me")]
    [InlineData("/kudos balance")]
    [InlineData("kudos ME")]
    [InlineData("Balance.")]
    [InlineData("balance please")]
    [InlineData("\u00A0balance\n")]
    public void ReadsBalance(string text) => ParserAssert.Reads<BalanceCommand>(text);

    [Theory]
    [InlineData("rewards")]
    [InlineData("/kudos Rewards")]
    public void ReadsRewards(string text) => ParserAssert.Reads<RewardsCommand>(text);

    [Theory]
    [InlineData("history")]
    [InlineData("kudos HISTORY")]
    public void ReadsHistory(string text) => ParserAssert.Reads<HistoryCommand>(text);

    [Theory]
    [InlineData("help")]
    [InlineData("?")]
    [InlineData("help?")]
    [InlineData("--help")]
    [InlineData("/kudos HELP")]
    public void ReadsHelp(string text) => ParserAssert.Reads<HelpCommand>(text);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00A0\n\u200B")]
    [InlineData("/kudos")]
    [InlineData("kudos ")]
    public void AnswersEmptyTextWithHelp(string text) => ParserAssert.Reads<HelpCommand>(text);

    [Theory]
    [InlineData("leaderboard", LeaderboardPeriod.Month)]
    [InlineData("leaderboard week", LeaderboardPeriod.Week)]
    [InlineData("Leaderboard WEEK", LeaderboardPeriod.Week)]
    [InlineData("leaderboard weekly", LeaderboardPeriod.Week)]
    [InlineData("leaderboard month", LeaderboardPeriod.Month)]
    [InlineData("leaderboard monthly", LeaderboardPeriod.Month)]
    [InlineData("leaderboard all", LeaderboardPeriod.All)]
    [InlineData("/kudos leaderboard all-time", LeaderboardPeriod.All)]
    public void ReadsTheLeaderboardPeriod(string text, LeaderboardPeriod period) =>
        Assert.Equal(period, ParserAssert.Reads<LeaderboardCommand>(text).Period);

    [Theory]
    [InlineData("leaderboard year", "year")]
    [InlineData("leaderboard this week", "this week")]
    [InlineData("leaderboard <@U1>", "<@U1>")]
    public void RefusesAnUnknownLeaderboardPeriod(string text, string detail) =>
        ParserAssert.Refuses(text, ParseError.BadLeaderboardPeriod, detail);

    [Theory]
    [InlineData("redeem coffee", "coffee")]
    [InlineData("redeem R-12", "R-12")]
    [InlineData("redeem \"Coffee voucher\"", "Coffee voucher")]
    [InlineData("redeem “Coffee voucher”", "Coffee voucher")]
    [InlineData("redeem ”Presentkort”", "Presentkort")]
    [InlineData("redeem 'Coffee voucher'", "Coffee voucher")]
    [InlineData("redeem \"Coffee voucher", "Coffee voucher")]
    [InlineData("redeem   Coffee \u00A0 voucher\n", "Coffee voucher")]
    [InlineData("redeem Teachers' lounge pass", "Teachers' lounge pass")]
    public void ReadsTheRewardToRedeemWithoutItsQuotes(string text, string reward) =>
        Assert.Equal(reward, ParserAssert.Reads<RedeemCommand>(text).Reward);

    [Theory]
    [InlineData("redeem")]
    [InlineData("redeem \"\"")]
    [InlineData("redeem “ ”")]
    public void RefusesRedeemWithoutAReward(string text) => ParserAssert.Refuses(text, ParseError.MissingReward);

    [Theory]
    [InlineData("cancel R-42", "R-42")]
    [InlineData("/kudos Cancel \"R-42\"", "R-42")]
    public void ReadsTheRedemptionToCancel(string text, string id) =>
        Assert.Equal(id, ParserAssert.Reads<CancelRedemptionCommand>(text).RedemptionId);

    [Theory]
    [InlineData("cancel")]
    [InlineData("cancel \"\"")]
    public void RefusesCancelWithoutARedemptionId(string text) =>
        ParserAssert.Refuses(text, ParseError.MissingRedemptionId);

    [Theory]
    [InlineData("balance <@U1>", "<@U1>")]
    [InlineData("me <@U1>", "<@U1>")]
    [InlineData("history <@U1> <@U2>", "<@U1>")]
    [InlineData("rewards <@U1>", "<@U1>")]
    public void RefusesALookupOfSomeoneElseRatherThanGivingThemPoints(string text, string detail) =>
        ParserAssert.Refuses(text, ParseError.UnexpectedArgument, detail);

    [Fact]
    public void RefusesCancelWithMoreThanOneId() =>
        ParserAssert.Refuses("cancel R-1 R-2", ParseError.UnexpectedArgument, "R-2");
}
