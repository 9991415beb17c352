using RecognitionBot.Core.Commands;

namespace RecognitionBot.Tests.Core.Parsing;

public sealed class ParsingARewardAdd
{
    public static TheoryData<string, AddRewardCommand> Forms => new()
    {
        { "admin reward add \"Coffee voucher\" 50", new("Coffee voucher", 50, null, true, null) },
        { "admin reward add “Coffee voucher” 50 --stock 10 --no-approval --monthly-limit 2", new("Coffee voucher", 50, 10, false, 2) },
        { "admin reward add ”Presentkort” 500", new("Presentkort", 500, null, true, null) },
        { "admin reward add Parking 200", new("Parking", 200, null, true, null) },
        { "admin reward add Coffee voucher 50", new("Coffee voucher", 50, null, true, null) },
        { "admin reward add \"Day off\" 1000 --stock=3 --monthly-limit=1", new("Day off", 1000, 3, true, 1) },
        { "admin reward add 'Team lunch' 300 --NO-APPROVAL", new("Team lunch", 300, null, false, null) },
        { "admin reward add \"  Extra   break \" 20", new("Extra break", 20, null, true, null) },
        { "/kudos admin reward add \"2 hour lunch\"\u00A080\n--stock 1", new("2 hour lunch", 80, 1, true, null) },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void ReadsNameCostAndOptions(string text, AddRewardCommand expected) =>
        Assert.Equal(expected, ParserAssert.Reads<AddRewardCommand>(text));

    [Theory]
    [InlineData("admin reward add", "<name>")]
    [InlineData("admin reward add \"\" 50", "<name>")]
    [InlineData("admin reward add 50", "<name>")]
    [InlineData("admin reward add \"Coffee voucher 50", "\"Coffee voucher 50")]
    [InlineData("admin reward add Coffee", "<cost>")]
    [InlineData("admin reward add \"Coffee\" --stock 5", "<cost>")]
    [InlineData("admin reward add \"Coffee\" fifty", "fifty")]
    [InlineData("admin reward add Coffee 0", "0")]
    [InlineData("admin reward add Coffee -5", "-5")]
    [InlineData("admin reward add Coffee 99999999999", "99999999999")]
    [InlineData("admin reward add Coffee 50 --stock", "--stock")]
    [InlineData("admin reward add Coffee 50 --stock --no-approval", "--stock")]
    [InlineData("admin reward add Coffee 50 --stock lots", "--stock lots")]
    [InlineData("admin reward add Coffee 50 --monthly-limit 0", "--monthly-limit 0")]
    [InlineData("admin reward add Coffee 50 --monthly-limit=-1", "--monthly-limit -1")]
    [InlineData("admin reward add Coffee 50 --colour red", "--colour")]
    [InlineData("admin reward add Coffee 50 extra", "extra")]
    public void RefusesARewardAddNamingTheProblem(string text, string detail) =>
        ParserAssert.Refuses(text, ParseError.BadRewardAdd, detail);
}
