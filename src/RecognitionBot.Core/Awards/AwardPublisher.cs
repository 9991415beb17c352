using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Awards;

/// <summary>
/// Opens each workspace's awards when their period is over, in the workspace's zone: on the 1st, last month's nominees
/// go to the approvers on a card; in January, last year's monthly winners too. Exactly once per workspace and period
/// however many instances run: the award row (<c>award|{period}</c>, added never replaced, so it is the claim) and the
/// cards are one transaction, and an opened period costs one point read per round. A month without nominations (a year
/// without winners) posts and writes nothing. The claim is not a <c>once|</c> row: those are handled deliveries, deleted
/// after their retention. The year's card waits for
/// December's winner (its card goes out the same day), until the <see cref="YearWaitsUntilDay"/>th of January at most.
/// </summary>
public sealed class AwardPublisher(
    IAwardLedger awards,
    TableLedger ledger,
    WorkspaceStore workspaces,
    TimeProvider clock,
    ILogger<AwardPublisher> log)
{
    /// <summary>The most nominees one card shows (by nominations, then kudos): Slack's 50 blocks a message bound it.</summary>
    public const int MaxCandidates = 20;

    /// <summary>The reasons shown per nominee (the first ones given), each cut to <see cref="ReasonShown"/> characters.</summary>
    public const int MaxReasons = 3;

    public const int ReasonShown = 200;

    /// <summary>The catalog rewards a card offers (cheapest first): a choice list stays short enough to read.</summary>
    public const int MaxRewards = 20;

    /// <summary>The day of January after which the year's card goes out even if December's winner is still to be chosen.</summary>
    public const int YearWaitsUntilDay = 15;

    /// <summary>One round over every workspace; returns how many award cards' periods this instance opened.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var opened = 0;
        var now = clock.GetUtcNow();
        await foreach (var workspace in workspaces.ListAsync(cancellationToken))
        {
            try
            {
                var settings = await workspaces.GetAsync(workspace, cancellationToken);
                var zone = settings.Zone;
                if (await OpenAsync(workspace, settings, AwardKind.Month, AwardPeriods.PreviousMonth(now, zone), now, cancellationToken)) opened++;
                if (AwardPeriods.YearDue(now, zone) is { } year && await OpenAsync(workspace, settings, AwardKind.Year, year, now, cancellationToken))
                    opened++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One workspace's failure must not hold up the others; the next round tries again.
                log.LogError(e, "Awards in {Workspace} failed", workspace);
            }
        }
        return opened;
    }

    private async Task<bool> OpenAsync(
        WorkspaceId workspace, WorkspaceSettings settings, AwardKind kind, string period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await awards.IsAwardOpenedAsync(workspace, period, cancellationToken)) return false;
        if (kind == AwardKind.Year && Clock.Local(now, settings.Zone).Day < YearWaitsUntilDay
            && await awards.GetAwardAsync(workspace, period + "-12", cancellationToken) is { IsDecided: false })
            return false;
        var candidates = kind == AwardKind.Month
            ? await NomineesAsync(workspace, settings, period, cancellationToken)
            : await MonthlyWinnersAsync(workspace, settings, period, cancellationToken);
        // Nothing to choose from: nothing written, so a quiet workspace's storage stays as it was; the next round asks again
        // (a point read and an empty range query).
        if (candidates.Count == 0) return false;

        // Whoever approves redemptions when nobody's manager is known: the workspace approvers, else its own admins.
        var approvers = settings.Approvers.Count > 0 ? settings.Approvers : settings.Admins;
        var rewards = (await ledger.GetRewardsAsync(workspace, cancellationToken)).Where(r => r.Left is not 0).Take(MaxRewards)
            .Select(r => new AwardOption(r.Id, r.Name)).ToList();
        var award = new Award(period, kind, candidates, rewards, [.. approvers], now);
        var posts = new List<OutgoingPost>();
        foreach (var approver in approvers.Distinct())
        {
            var row = await ledger.GetMemberAsync(workspace, approver, cancellationToken);
            posts.Add(new OutgoingPost(new ToMember(approver), new AwardCardPost(award) { Locale = row.Locale ?? settings.DefaultLocale }));
        }
        if (posts.Count == 0) log.LogWarning("Award {Period} in {Workspace} has nobody to choose: no approvers or admins are set", period, workspace);
        var mine = await awards.OpenAwardAsync(workspace, award, posts, cancellationToken);
        if (mine) log.LogInformation("Award {Period} in {Workspace} opened with {Candidates} candidates", period, workspace, candidates.Count);
        return mine;
    }

    private async Task<IReadOnlyList<AwardCandidate>> NomineesAsync(
        WorkspaceId workspace, WorkspaceSettings settings, string month, CancellationToken cancellationToken)
    {
        var nominations = await awards.GetNominationsAsync(workspace, month, cancellationToken);
        if (nominations.Count == 0) return [];
        var (from, to) = AwardPeriods.Range(month, settings.Zone);
        var received = await ReceivedAsync(workspace, from, to, cancellationToken);
        var candidates = new List<AwardCandidate>();
        foreach (var group in nominations.GroupBy(n => n.Nominee))
        {
            var member = await ledger.GetMemberAsync(workspace, group.Key, cancellationToken);
            // A nominee who left since is not on the card.
            if (member.HasLeft) continue;
            var (kudos, points, values) = received.GetValueOrDefault(group.Key);
            candidates.Add(new AwardCandidate(group.Key, group.Count(),
                [.. group.Take(MaxReasons).Select(n => new AwardReason(n.Nominator, Text.TextLimits.Shorten(n.Reason, ReasonShown)))],
                kudos, points, TopValues(values), member.Manager));
        }
        return [.. candidates.OrderByDescending(c => c.Nominations).ThenByDescending(c => c.Kudos).ThenBy(c => c.Member.Value, StringComparer.Ordinal)
            .Take(MaxCandidates)];
    }

    private async Task<IReadOnlyList<AwardCandidate>> MonthlyWinnersAsync(
        WorkspaceId workspace, WorkspaceSettings settings, string year, CancellationToken cancellationToken)
    {
        var months = (await awards.GetMonthlyAwardsAsync(workspace, year, cancellationToken)).Where(a => a.Winner is not null).ToList();
        if (months.Count == 0) return [];
        var (from, to) = AwardPeriods.Range(year, settings.Zone);
        var received = await ReceivedAsync(workspace, from, to, cancellationToken);
        var candidates = new List<AwardCandidate>();
        foreach (var group in months.GroupBy(a => a.Winner!.Value))
        {
            var member = await ledger.GetMemberAsync(workspace, group.Key, cancellationToken);
            if (member.HasLeft) continue;
            var (kudos, points, values) = received.GetValueOrDefault(group.Key);
            // The reasons that won them their months: the first one of each.
            var reasons = group.SelectMany(a => a.Candidates.Where(c => c.Member == group.Key).SelectMany(c => c.Reasons.Take(1))).Take(MaxReasons);
            var nominations = group.Sum(a => a.Candidates.Where(c => c.Member == group.Key).Sum(c => c.Nominations));
            candidates.Add(new AwardCandidate(group.Key, nominations, [.. reasons], kudos, points, TopValues(values), member.Manager)
            {
                MonthsWon = [.. group.Select(a => a.Period)],
            });
        }
        return [.. candidates.OrderByDescending(c => c.MonthsWon.Count).ThenByDescending(c => c.Kudos).ThenBy(c => c.Member.Value, StringComparer.Ordinal)
            .Take(MaxCandidates)];
    }

    /// <summary>Kudos, points and values each member received in [from, to): one range query over the period's kudos.</summary>
    private async Task<Dictionary<MemberId, (int Kudos, int Points, Dictionary<string, int> Values)>> ReceivedAsync(
        WorkspaceId workspace, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var tally = new Dictionary<MemberId, (int Kudos, int Points, Dictionary<string, int> Values)>();
        await foreach (var k in ledger.QueryKudosAsync(workspace, from, to, cancellationToken))
            foreach (var r in k.Recipients)
            {
                var (kudos, points, values) = tally.TryGetValue(r, out var t) ? t : (0, 0, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase));
                foreach (var value in k.Values) values[value] = values.GetValueOrDefault(value) + 1;
                tally[r] = (kudos + 1, points + k.Points + k.AddOns.Sum(a => a.Points), values);
            }
        return tally;
    }

    private static List<string> TopValues(Dictionary<string, int>? values) =>
        values is null ? [] : [.. values.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Take(3).Select(v => v.Key)];
}
