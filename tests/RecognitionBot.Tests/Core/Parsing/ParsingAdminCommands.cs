using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Parsing;

public sealed class ParsingAdminCommands
{
    [Theory]
    [InlineData("admin reward remove R-7", "R-7")]
    [InlineData("/kudos ADMIN Reward Remove \"R-7\"", "R-7")]
    public void RemovesAReward(string text, string id) =>
        Assert.Equal(new RemoveRewardCommand(id), ParserAssert.Reads<RemoveRewardCommand>(text));

    [Fact]
    public void RefusesRemovingARewardWithoutItsId() =>
        ParserAssert.Refuses("admin reward remove", ParseError.MissingRewardId);

    [Theory]
    [InlineData("admin allowance 200", 200, null)]
    [InlineData("admin allowance 200 monthly", 200, AllowancePeriod.Monthly)]
    [InlineData("admin allowance 150 weekly", 150, AllowancePeriod.Weekly)]
    [InlineData("admin Allowance 150 WEEK", 150, AllowancePeriod.Weekly)]
    public void SetsTheAllowance(string text, int points, AllowancePeriod? period) =>
        Assert.Equal(new SetAllowanceCommand(points, period), ParserAssert.Reads<SetAllowanceCommand>(text));

    [Theory]
    [InlineData("admin allowance", null)]
    [InlineData("admin allowance 0", "0")]
    [InlineData("admin allowance -5", "-5")]
    [InlineData("admin allowance lots", "lots")]
    [InlineData("admin allowance 1,000", "1,000")]
    [InlineData("admin allowance 99999999999", "99999999999")]
    [InlineData("admin allowance 200 yearly", "yearly")]
    [InlineData("admin allowance 200 weekly now", "now")]
    public void RefusesAnAllowanceThatIsNotAPositiveNumber(string text, string? detail) =>
        ParserAssert.Refuses(text, ParseError.BadAllowance, detail);

    [Theory]
    [InlineData("admin values add #Customer-First", true, "customer-first")]
    [InlineData("admin values remove #empathy", false, "empathy")]
    public void ChangesTheValues(string text, bool add, string value) =>
        Assert.Equal(new ChangeValuesCommand(add, value), ParserAssert.Reads<ChangeValuesCommand>(text));

    [Theory]
    [InlineData("admin values add", null)]
    [InlineData("admin values add empathy", "empathy")]
    [InlineData("admin values add #", "#")]
    [InlineData("admin values add #2024", "#2024")]
    [InlineData("admin values add #team#work", "#team#work")]
    [InlineData("admin values add #team.work", "#team.work")]
    public void RefusesAValueThatIsNotAHashtag(string text, string? detail) =>
        ParserAssert.Refuses(text, ParseError.BadValue, detail);

    [Fact]
    public void RefusesMoreThanOneValueAtATime() =>
        ParserAssert.Refuses("admin values add #empathy #care", ParseError.UnexpectedArgument, "#care");

    [Theory]
    [InlineData("admin approver add <@U1>", true)]
    [InlineData("admin Approver REMOVE <@U1>", false)]
    public void ChangesTheApprovers(string text, bool add) =>
        Assert.Equal(new ChangeApproverCommand(add, new MemberId("U1")), ParserAssert.Reads<ChangeApproverCommand>(text));

    [Theory]
    [InlineData("admin admin add <@U1>", true)]
    [InlineData("admin admin remove <@U1>", false)]
    public void ChangesTheAdmins(string text, bool add) =>
        Assert.Equal(new ChangeAdminCommand(add, new MemberId("U1")), ParserAssert.Reads<ChangeAdminCommand>(text));

    [Fact]
    public void SetsAnAgentsManager() =>
        Assert.Equal(
            new SetManagerCommand(new MemberId("UAGENT"), new MemberId("UBOSS")),
            ParserAssert.Reads<SetManagerCommand>("admin manager <@UAGENT> <@UBOSS>"));

    [Theory]
    [InlineData("admin role manager <@U1>", true)]
    [InlineData("admin role member <@U1>", false)]
    [InlineData("admin ROLE Manager <@U1>", true)]
    public void SetsAMembersRole(string text, bool manager) =>
        Assert.Equal(new SetRoleCommand(new MemberId("U1"), manager), ParserAssert.Reads<SetRoleCommand>(text));

    [Theory]
    [InlineData("admin approver add", null)]
    [InlineData("admin approver add bob", "bob")]
    [InlineData("admin approver remove @bob", "@bob")]
    [InlineData("admin manager", null)]
    [InlineData("admin manager <@UAGENT>", null)]
    [InlineData("admin manager bob <@UBOSS>", "bob")]
    [InlineData("admin manager <@UAGENT> boss", "boss")]
    [InlineData("admin role manager", null)]
    [InlineData("admin role member Ann", "Ann")]
    public void RefusesAMemberCommandWithoutTheMention(string text, string? detail) =>
        ParserAssert.Refuses(text, ParseError.MissingMember, detail);

    [Theory]
    [InlineData("admin approver add <@U1> <@U2>", "<@U2>")]
    [InlineData("admin manager <@U1> <@U2> <@U3>", "<@U3>")]
    [InlineData("admin role manager <@U1> please", "please")]
    public void RefusesAMemberCommandWithExtraWords(string text, string detail) =>
        ParserAssert.Refuses(text, ParseError.UnexpectedArgument, detail);

    [Theory]
    [InlineData("admin timezone Europe/Stockholm", "Europe/Stockholm")]
    [InlineData("admin timezone \"America/Los_Angeles\"", "America/Los_Angeles")]
    [InlineData("admin timezone Romance Standard Time", "Europe/Paris")]
    public void SetsTheWorkspaceTimeZone(string text, string zone) =>
        Assert.Equal(new SetTimeZoneCommand(zone), ParserAssert.Reads<SetTimeZoneCommand>(text));

    [Theory]
    [InlineData("admin timezone", null)]
    [InlineData("admin timezone Mars/Olympus", "Mars/Olympus")]
    [InlineData("admin timezone CEST+2", "CEST+2")]
    public void RefusesAnUnknownTimeZone(string text, string? detail) =>
        ParserAssert.Refuses(text, ParseError.BadTimeZone, detail);

    [Theory]
    [InlineData("admin celebrations here", true)]
    [InlineData("admin celebrations OFF", false)]
    public void ChoosesWhereDirectKudosAreCelebrated(string text, bool here) =>
        Assert.Equal(new SetCelebrationChannelCommand(here), ParserAssert.Reads<SetCelebrationChannelCommand>(text));

    [Fact]
    public void RefusesCelebrationsWithExtraWords() =>
        ParserAssert.Refuses("admin celebrations here now", ParseError.UnexpectedArgument, "now");

    [Theory]
    [InlineData("admin", null)]
    [InlineData("/kudos admin", null)]
    [InlineData("admin frobnicate", "frobnicate")]
    [InlineData("admin reward", "reward")]
    [InlineData("admin reward edit R-7", "reward edit R-7")]
    [InlineData("admin values", "values")]
    [InlineData("admin values list", "values list")]
    [InlineData("admin approver <@U1>", "approver <@U1>")]
    [InlineData("admin role boss <@U1>", "role boss <@U1>")]
    [InlineData("admin celebrations everywhere", "celebrations everywhere")]
    public void RefusesAnUnknownAdminCommand(string text, string? detail) =>
        ParserAssert.Refuses(text, ParseError.UnknownAdminCommand, detail);
}
