using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Rules;

/// <summary>The stateless rules, each with a case it allows and a case it refuses. No storage.</summary>
public sealed class TheRulesOfGiving
{
    private static readonly MemberId Ann = new("ann");
    private static readonly WorkspaceSettings Defaults = new();

    private static GiveCommand Give(string recipients, int? points = 10, string message = "thanks for the save") =>
        new(recipients.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(r => new MemberId(r)).ToList(), points, message, [], false);

    [Fact]
    public void AllowsUpToTheMaximumRecipientsAndRefusesOneMore()
    {
        Assert.Null(KudosRules.Check(Give("b c d e f g h i j k"), Ann, Defaults));
        Assert.Equal(Refusal.TooManyRecipients, KudosRules.Check(Give("b c d e f g h i j k l"), Ann, Defaults)?.Reason);
    }

    [Fact]
    public void RefusesTheGiverAsARecipient()
    {
        Assert.Null(KudosRules.Check(Give("bob"), Ann, Defaults));
        Assert.Equal(Refusal.SelfKudos, KudosRules.Check(Give("bob ann"), Ann, Defaults)?.Reason);
    }

    [Fact]
    public void RefusesTheSameRecipientTwice()
    {
        Assert.Null(KudosRules.Check(Give("bob cat"), Ann, Defaults));
        Assert.Equal(new Refused(Refusal.DuplicateRecipient, "bob"), KudosRules.Check(Give("bob cat bob"), Ann, Defaults));
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(100, null)]
    [InlineData(null, null)]
    [InlineData(0, Refusal.PointsOutOfRange)]
    [InlineData(101, Refusal.PointsOutOfRange)]
    public void KeepsPointsWithinTheWorkspaceRange(int? points, Refusal? refusal) =>
        Assert.Equal(refusal, KudosRules.Check(Give("bob", points), Ann, Defaults)?.Reason);

    [Fact]
    public void ReadsTheRangeFromTheWorkspaceNotFromCode()
    {
        var generous = Defaults with { MaxPoints = 250, DefaultPoints = 25 };
        Assert.Null(KudosRules.Check(Give("bob", 250), Ann, generous));
        Assert.Equal(25, KudosRules.PointsOf(Give("bob", null), generous));
    }

    [Theory]
    [InlineData("abc", null)]
    [InlineData("  ab  ", Refusal.MessageTooShort)]
    [InlineData("", Refusal.MessageTooShort)]
    public void NeedsAMessageOfAtLeastThreeCharacters(string message, Refusal? refusal) =>
        Assert.Equal(refusal, KudosRules.Check(Give("bob", message: message), Ann, Defaults)?.Reason);

    [Fact]
    public void AllowsFiveHundredCharactersAndNoMore()
    {
        Assert.Null(KudosRules.Check(Give("bob", message: new string('x', 500)), Ann, Defaults));
        Assert.Equal(Refusal.MessageTooLong, KudosRules.Check(Give("bob", message: new string('x', 501)), Ann, Defaults)?.Reason);
    }

    [Fact]
    public void CountsOnlyTheWorkspaceValuesOnceEach()
    {
        var command = Give("bob") with { Hashtags = ["empathy", "weekend", "EMPATHY", "teamwork"] };
        Assert.Equal(["#empathy", "#teamwork"], KudosRules.ValuesOf(command, Defaults));
        Assert.Empty(KudosRules.ValuesOf(command, Defaults with { Values = ["#speed"] }));
    }

    [Fact]
    public void RefusesBotsDeactivatedPeopleAndStrangers()
    {
        MemberProfile Person(string id, bool bot = false, bool gone = false) => new(new MemberId(id), id, bot, gone, false);
        Assert.Null(KudosRules.CheckRecipients([(new MemberId("bob"), Person("bob"))]));
        Assert.Equal(Refusal.BotRecipient, KudosRules.CheckRecipients([(new MemberId("b"), Person("b", bot: true))])?.Reason);
        Assert.Equal(Refusal.LeaverRecipient, KudosRules.CheckRecipients([(new MemberId("g"), Person("g", gone: true))])?.Reason);
        Assert.Equal(Refusal.UnknownMember, KudosRules.CheckRecipients([(new MemberId("x"), null)])?.Reason);
    }
}
