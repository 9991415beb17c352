using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Rewards;

namespace RecognitionBot.Core.Views;

/// <summary>
/// Everything a member's home shows: their balance and allowance (with the kudos lately received), this month's
/// leaderboard, the catalog with what they can afford, and, for an approver, the requests waiting for them
/// (<see cref="Pending"/> null for someone who approves nothing).
/// </summary>
public sealed record HomeView(BalanceView Balance, LeaderboardView Leaderboard, RewardsView Rewards, IReadOnlyList<PendingApproval>? Pending)
    : CommandResult;

/// <summary>A request waiting for a decision, with what its requester has available.</summary>
public sealed record PendingApproval(Redemption Redemption, int RequesterAvailable);

/// <summary>
/// The home as one view, the same for every surface that shows it (Slack's App Home now; the dashboard's "My kudos"
/// and the Teams personal tab render the same view). It reuses the balance, leaderboard, catalog and approval views,
/// so it says what the commands say, with their buttons (Redeem, Approve, Reject) and their verbs.
/// </summary>
public static class HomeViews
{
    public static View For(HomeView home, ViewText v)
    {
        var balance = ResultViews.Balance(home.Balance, v);
        List<ViewBlock> body = [.. balance.Body, new ViewActions([new ViewAction(ViewVerbs.Compose, v["Composer.Title"], "home", ActionStyle.Primary)])];

        if (home.Pending is { } pending)
        {
            body.Add(v.Line(LineStyle.Strong, LineMark.Pending, "Home.Pending"));
            if (pending.Count == 0) body.Add(v.Line(LineStyle.Subtle, LineMark.None, "Home.PendingNone"));
            foreach (var p in pending)
            {
                var approval = RedemptionViews.Approval(p.Redemption, p.RequesterAvailable, v);
                body.Add(new ViewItem([.. approval.Body.OfType<ViewLine>().Where(l => l.Mark != LineMark.Pending)]));
                body.Add(new ViewActions(approval.Actions));
            }
        }

        var board = ResultViews.Leaderboard(home.Leaderboard, v);
        body.Add(ViewLine.Text(board.Title ?? "", LineStyle.Strong));
        body.AddRange(board.Body.Select(b => b is ViewLine { Style: LineStyle.ListItem } line ? line with { Style = LineStyle.Normal } : b));

        var rewards = ResultViews.Rewards(home.Rewards, v);
        body.Add(ViewLine.Text(rewards.Title ?? "", LineStyle.Strong));
        body.AddRange(rewards.Body.Skip(1));
        return new View(body) { Title = balance.Title, Summary = balance.Summary };
    }
}
