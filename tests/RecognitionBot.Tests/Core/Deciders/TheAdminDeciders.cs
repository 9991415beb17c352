using RecognitionBot.Core.Admin;
using RecognitionBot.Core.Admin.Catalogue;
using RecognitionBot.Core.Admin.People;
using RecognitionBot.Core.Admin.Settings;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Deciders;

/// <summary>The admin changes that have rules, decided on settings and rows in memory, each with its audit row. No storage.</summary>
public sealed class TheAdminDeciders
{
    private static readonly MemberId Ada = new("ada");
    private static readonly MemberId Ann = new("ann");
    private static readonly MemberId Mia = new("mia");
    private static readonly MemberId Boss = new("boss");
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly WorkspaceSettings Defaults = new() { Admins = [Ada] };

    private static NamedMember Person(MemberId id) => new(id, new MemberProfile(id, id.Value, false, false, false));

    private static NamedMember Bot(MemberId id) => new(id, new MemberProfile(id, id.Value, true, false, false));

    private static NamedMember Outsider(MemberId id) => new(id, new MemberProfile(id, id.Value, false, false, false, IsOutsider: true));

    [Fact]
    public void SetsTheAllowanceAndKeepsThePeriodUnlessGiven()
    {
        var change = AllowanceDecider.Decide(Defaults, new SetAllowanceCommand(150, null), Ada, Now).Decision!;
        Assert.Equal((150, AllowancePeriod.Monthly), (change.Next.Allowance, change.Next.AllowancePeriod));
        Assert.Equal(new AuditEntry(Now, Ada, AuditAction.Allowance, null, "100 monthly", "150 monthly"), change.Audit);

        var weekly = AllowanceDecider.Decide(Defaults, new SetAllowanceCommand(40, AllowancePeriod.Weekly), Ada, Now).Decision!;
        Assert.Equal("40 weekly", weekly.Audit.After);
    }

    [Fact]
    public void AddsAValueOnlyOnceAndRemovesOnlyOneThatIsThere()
    {
        var added = ValuesDecider.Decide(Defaults, new ChangeValuesCommand(true, "Speed"), Ada, Now).Decision!;
        Assert.Equal("#speed", added.Next.Values[^1]);
        Assert.Equal(new AdminDone(new ChangeValuesCommand(true, "Speed"), "#speed"), added.Result);
        Assert.Equal(new Refused(Refusal.ValueExists, "#empathy"), ValuesDecider.Decide(Defaults, new ChangeValuesCommand(true, "#Empathy"), Ada, Now).Refusal);

        Assert.DoesNotContain("#teamwork", ValuesDecider.Decide(Defaults, new ChangeValuesCommand(false, "teamwork"), Ada, Now).Decision!.Next.Values);
        Assert.Equal(new Refused(Refusal.UnknownValue, "#speed"), ValuesDecider.Decide(Defaults, new ChangeValuesCommand(false, "speed"), Ada, Now).Refusal);
    }

    [Fact]
    public void NamesOnlyAMemberOfThisOrganisationAsApprover()
    {
        var added = ApproversDecider.Decide(Defaults, new ChangeApproverCommand(true, Mia), Person(Mia), Ada, Now).Decision!;
        Assert.Equal([Mia], added.Next.Approvers);
        Assert.Equal(new AuditEntry(Now, Ada, AuditAction.ApproverAdded, "mia", null, "mia"), added.Audit);

        Assert.Equal(new Refused(Refusal.BotRecipient, "mia"), ApproversDecider.Decide(Defaults, new ChangeApproverCommand(true, Mia), Bot(Mia), Ada, Now).Refusal);
        Assert.Equal(new Refused(Refusal.OutsiderRecipient, "mia"), ApproversDecider.Decide(Defaults, new ChangeApproverCommand(true, Mia), Outsider(Mia), Ada, Now).Refusal);
        Assert.Equal(new Refused(Refusal.UnknownMember, "mia"),
            ApproversDecider.Decide(Defaults, new ChangeApproverCommand(true, Mia), new NamedMember(Mia, null), Ada, Now).Refusal);
    }

    [Fact]
    public void RemovesAnApproverWhoLeftWithoutAskingTheDirectory()
    {
        var removed = ApproversDecider.Decide(Defaults with { Approvers = [Mia, Ann] }, new ChangeApproverCommand(false, Mia), null, Ada, Now).Decision!;

        Assert.Equal([Ann], removed.Next.Approvers);
    }

    [Fact]
    public void AddsAnAdminWhoIsAMemberButNotABot()
    {
        Assert.Equal([Ada, Mia], AdminsDecider.Decide(new AdminsState(Defaults, Person(Mia), false), new ChangeAdminCommand(true, Mia), Ada, Now).Decision!.Next.Admins);
        Assert.Equal(new Refused(Refusal.BotRecipient, "mia"),
            AdminsDecider.Decide(new AdminsState(Defaults, Bot(Mia), false), new ChangeAdminCommand(true, Mia), Ada, Now).Refusal);
    }

    [Fact]
    public void KeepsTheLastAdminUnlessThePlatformMakesThemOne()
    {
        var removeSelf = new ChangeAdminCommand(false, Ada);

        Assert.Equal(new Refused(Refusal.LastAdmin), AdminsDecider.Decide(new AdminsState(Defaults, null, false), removeSelf, Ada, Now).Refusal);
        Assert.Empty(AdminsDecider.Decide(new AdminsState(Defaults, null, ActorIsPlatformAdmin: true), removeSelf, Ada, Now).Decision!.Next.Admins);
        Assert.Equal([Mia], AdminsDecider.Decide(new AdminsState(Defaults with { Admins = [Ada, Mia] }, null, false), removeSelf, Ada, Now).Decision!.Next.Admins);
    }

    [Fact]
    public void MapsAManagerAndRemembersWhoSetIt()
    {
        var agent = MemberRow.New(Ann) with { Manager = Mia };

        var d = ManagerDecider.Decide(new ManagerState(Person(Ann), Person(Boss), [], agent), new SetManagerCommand(Ann, Boss), Ada, Now).Decision!;

        Assert.Equal((Boss, Ada), (d.Next.Manager, d.Next.ManagerSetBy));
        Assert.Equal(new AuditEntry(Now, Ada, AuditAction.Manager, "ann", "mia", "boss"), d.Audit);
    }

    [Fact]
    public void RefusesAManagerMappingThatWouldLoop()
    {
        var state = new ManagerState(Person(Ann), Person(Boss), [Mia, Ann], MemberRow.New(Ann));

        Assert.Equal(new Refused(Refusal.ManagerCycle, "boss|ann"), ManagerDecider.Decide(state, new SetManagerCommand(Ann, Boss), Ada, Now).Refusal);
        Assert.NotNull(ManagerDecider.Decide(state with { ManagersAboveManager = [Mia] }, new SetManagerCommand(Ann, Boss), Ada, Now).Decision);
    }

    [Fact]
    public void RefusesAMemberAsTheirOwnManagerAndABotOrOutsiderAsEither()
    {
        var row = MemberRow.New(Ann);

        Assert.Equal(new Refused(Refusal.SelfApproval), ManagerDecider.Decide(new ManagerState(Person(Ann), Person(Ann), [], row), new SetManagerCommand(Ann, Ann), Ada, Now).Refusal);
        Assert.Equal(new Refused(Refusal.BotRecipient, "boss"),
            ManagerDecider.Decide(new ManagerState(Person(Ann), Bot(Boss), [], row), new SetManagerCommand(Ann, Boss), Ada, Now).Refusal);
        Assert.Equal(new Refused(Refusal.OutsiderRecipient, "ann"),
            ManagerDecider.Decide(new ManagerState(Outsider(Ann), Person(Boss), [], row), new SetManagerCommand(Ann, Boss), Ada, Now).Refusal);
    }

    [Fact]
    public void ChangesARoleOnlyForAMember()
    {
        var d = RoleDecider.Decide(MemberRow.New(Ann), Person(Ann), new SetRoleCommand(Ann, true), Ada, Now).Decision!;
        Assert.True(d.Next.IsManager);
        Assert.Equal(new AuditEntry(Now, Ada, AuditAction.Role, "ann", "member", "manager"), d.Audit);

        Assert.Equal(new Refused(Refusal.BotRecipient, "ann"), RoleDecider.Decide(MemberRow.New(Ann), Bot(Ann), new SetRoleCommand(Ann, true), Ada, Now).Refusal);
    }

    [Fact]
    public void AddsARewardUnderAnIdNeverUsedAndRefusesASecondWithTheSameName()
    {
        Reward coffee = new("coffee", "Coffee", 50, null, 0, true, null);
        var state = new CatalogueState([coffee], new HashSet<string> { "coffee", "tea" });

        var d = AddRewardDecider.Decide(state, new AddRewardCommand("Tea", 30, 5, false, 2), Ada, Now).Decision!;
        Assert.Equal(new Reward("tea-2", "Tea", 30, 5, 0, false, 2), d.Reward);
        Assert.Equal(new AuditEntry(Now, Ada, AuditAction.RewardAdded, "Tea", null, "30 --stock 5 --no-approval --monthly-limit 2", "tea-2"), d.Audit);

        Assert.Equal(new Refused(Refusal.RewardExists, "COFFEE"), AddRewardDecider.Decide(state, new AddRewardCommand("COFFEE", 30, null, true, null), Ada, Now).Refusal);
    }

    [Fact]
    public void RemovesOnlyALiveReward()
    {
        Reward coffee = new("coffee", "Coffee", 50, null, 0, true, null);

        var d = RemoveRewardDecider.Decide(coffee, new RemoveRewardCommand("coffee"), Ada, Now).Decision!;
        Assert.Equal(new AuditEntry(Now, Ada, AuditAction.RewardRemoved, "Coffee", "50", null, "coffee"), d.Audit);
        Assert.Equal(new Refused(Refusal.UnknownReward, "coffee"), RemoveRewardDecider.Decide(null, new RemoveRewardCommand("coffee"), Ada, Now).Refusal);
    }
}
