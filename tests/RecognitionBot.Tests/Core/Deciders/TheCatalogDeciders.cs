using RecognitionBot.Core.Admin.Catalogue;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Deciders;

/// <summary>The dashboard's catalog changes (edit, restock) and the reward rules every writer shares, decided in memory. No storage.</summary>
public sealed class TheCatalogDeciders
{
    private static readonly MemberId Ada = new("ada");
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly Reward Coffee = new("coffee", "Coffee", 30, 4, 1, true, null);
    private static readonly Reward Lunch = new("lunch", "Team lunch", 300, null, 0, true, 1);
    private static readonly CatalogueState State = new([Coffee, Lunch], new HashSet<string> { "coffee", "lunch", "old" });

    [Fact]
    public void AnEditKeepsTheIdStockAndReservations()
    {
        var d = EditRewardDecider.Decide(State, new EditRewardCommand("COFFEE", " Big coffee ", 35, false, 3), Ada, Now).Decision!;

        Assert.Equal(Coffee with { Name = "Big coffee", Cost = 35, NeedsApproval = false, MonthlyLimit = 3 }, d.Reward);
        Assert.Equal(new AuditEntry(Now, Ada, AuditAction.RewardEdited, "Big coffee", "\"Coffee\" 30 --stock 4",
            "\"Big coffee\" 35 --stock 4 --no-approval --monthly-limit 3", "coffee"), d.Audit);
    }

    [Fact]
    public void AnEditMayKeepItsOwnNameButNotTakeAnothers()
    {
        Assert.NotNull(EditRewardDecider.Decide(State, new EditRewardCommand("coffee", "coffee", 31, true, null), Ada, Now).Decision);
        Assert.Equal(new Refused(Refusal.RewardExists, "team LUNCH"),
            EditRewardDecider.Decide(State, new EditRewardCommand("coffee", "team LUNCH", 30, true, null), Ada, Now).Refusal);
    }

    [Fact]
    public void RestockingAddsToTheStockOfAStockedRewardOnly()
    {
        var d = RestockRewardDecider.Decide(Coffee, new RestockRewardCommand("coffee", 6), Ada, Now).Decision!;
        Assert.Equal((10, 1, 9), (d.Reward.Stock, d.Reward.Reserved, d.Reward.Left));
        Assert.Equal(("4", "10"), (d.Audit.Before, d.Audit.After));

        Assert.Equal(new Refused(Refusal.UnlimitedStock, "Team lunch"),
            RestockRewardDecider.Decide(Lunch, new RestockRewardCommand("lunch", 6), Ada, Now).Refusal);
        Assert.Equal(Refusal.UnknownReward, RestockRewardDecider.Decide(null, new RestockRewardCommand("gone", 6), Ada, Now).Refusal!.Reason);
    }

    [Theory]
    [InlineData("", 10, null, null, Refusal.BadRewardName)]
    [InlineData("x", 0, null, null, Refusal.BadRewardNumber)]
    [InlineData("x", 10, 0, null, Refusal.BadRewardNumber)]
    [InlineData("x", 10, null, -1, Refusal.BadRewardNumber)]
    [InlineData("x", 1_000_001, null, null, Refusal.BadRewardNumber)]
    public void AddingAndEditingShareTheRewardRules(string name, int cost, int? stock, int? limit, Refusal refusal)
    {
        Assert.Equal(refusal, AddRewardDecider.Decide(State, new AddRewardCommand(name, cost, stock, true, limit), Ada, Now).Refusal!.Reason);
        if (stock is null)
            Assert.Equal(refusal, EditRewardDecider.Decide(State, new EditRewardCommand("coffee", name, cost, true, limit), Ada, Now).Refusal!.Reason);
    }

    [Fact]
    public void ANameOfEightyCharactersIsFineAndEightyOneIsNot()
    {
        Assert.NotNull(AddRewardDecider.Decide(State, new AddRewardCommand(new string('a', 80), 10, null, true, null), Ada, Now).Decision);
        Assert.Equal(new Refused(Refusal.BadRewardName, "80"),
            AddRewardDecider.Decide(State, new AddRewardCommand(new string('a', 81), 10, null, true, null), Ada, Now).Refusal);
    }
}
