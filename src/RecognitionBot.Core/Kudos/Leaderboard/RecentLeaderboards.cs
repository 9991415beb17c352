using RecognitionBot.Core.Caching;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Kudos.Leaderboard;

/// <summary>
/// A period's leaderboard as App Home shows it, computed at most once per <see cref="MaxAge"/> per workspace. A home is
/// republished for everyone a kudos touches, and each computation reads the whole period's kudos, so without this a
/// busy workspace read its month again and again (measured: about 1 MB allocated per kudos at 20,000 kudos a month,
/// bench/README.md). The <c>leaderboard</c> command still reads it fresh; a home's board may be a minute old.
/// </summary>
public sealed class RecentLeaderboards(ILedger ledger, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly BoundedCache<(WorkspaceId, LeaderboardPeriod, string), (DateTimeOffset At, LeaderboardView Board)> _recent =
        new(capacity: 10_000, keepFor: TimeSpan.FromMinutes(5));

    public async Task<LeaderboardView> GetAsync(WorkspaceId workspace, LeaderboardPeriod period, WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        var key = (workspace, period, settings.TimeZone);
        var now = clock.GetUtcNow();
        if (_recent.TryGetValue(key, out var hit) && now - hit.At < MaxAge && now >= hit.At) return hit.Board;
        var board = await ledger.GetLeaderboardAsync(workspace, period, settings, cancellationToken);
        _recent[key] = (now, board);
        return board;
    }
}
