using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Digests;

/// <summary>
/// Posts each subscription's digest once a week at its local day and time: on time, across daylight-saving
/// changes, late after downtime if still the same local week, and exactly once per channel and week however many
/// instances run. With each digest, the workspace's managers and approvers get that channel's recognition gaps.
/// </summary>
public sealed class DigestPublisher(
    TableLedger ledger,
    DigestSubscriptions subscriptions,
    DigestBuilder builder,
    WorkspaceStore workspaces,
    IEnumerable<IChannelRoster> rosters,
    TimeProvider clock,
    ILogger<DigestPublisher> log)
{
    public const int GapWeeks = 4;

    /// <summary>When this week's digest of a subscription is due, and until when it may still be posted.</summary>
    public static (DateTimeOffset Due, DateTimeOffset WeekEnd) DueThisWeek(DigestSubscription s, DateTimeOffset now)
    {
        var zone = Clock.FindZone(s.TimeZone);
        var monday = Clock.WeekStart(Clock.Local(now, zone));
        var day = monday.AddDays(((int)s.Day + 6) % 7).Add(s.Time.ToTimeSpan());
        return (Clock.ToUtc(day, zone), Clock.ToUtc(monday.AddDays(7), zone));
    }

    /// <summary>
    /// One round: every due, unclaimed digest of every workspace, then its gap notes. Returns how many digests this
    /// instance published. Each claim is checked (one point read) before anything is built or read, so once a week's
    /// digest and notes are out, a round costs two reads per subscription: no ledger scan, no roster call.
    /// </summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        var now = clock.GetUtcNow();
        ForgetOldRetries(now);
        await foreach (var workspace in workspaces.ListAsync(cancellationToken))
        {
            // Member rows are read once per workspace and round, however many of its channels need gap notes.
            Task<MemberScan>? members = null;
            foreach (var s in await subscriptions.ListAsync(workspace, cancellationToken))
            {
                var (due, weekEnd) = DueThisWeek(s, now);
                if (now < due || now >= weekEnd) continue;
                var week = DigestBuilder.WeekLabel(due, Clock.FindZone(s.TimeZone));
                try
                {
                    if (await PublishDigestAsync(s, due, week, cancellationToken)) published++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One channel's failure must not hold up the others; the next round tries again this week.
                    log.LogError(e, "Digest for {Conversation} in {Workspace} failed", s.Conversation.Id, workspace);
                    continue;
                }
                try
                {
                    await PublishGapsAsync(s, week, now, () => members ??= ScanMembersAsync(workspace, now, cancellationToken), cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The digest is out; the notes wait for a later round (a throttled roster, most often).
                    var retry = Backoff($"{s.Workspace}|{s.Conversation.Id}|{week}", now);
                    log.LogWarning(
                        e, "Recognition gaps for {Conversation} in {Workspace} failed; trying again at {Retry}", s.Conversation.Id, workspace, retry);
                    members = null;
                }
            }
        }
        return published;
    }

    private async Task<bool> PublishDigestAsync(DigestSubscription s, DateTimeOffset due, string week, CancellationToken cancellationToken)
    {
        var claim = $"digest|{s.Conversation.Id}|{week}";
        if (await ledger.IsClaimedAsync(s.Workspace, claim, cancellationToken)) return false;
        var settings = await workspaces.GetAsync(s.Workspace, cancellationToken);
        var digest = await builder.BuildWeekUntilAsync(s.Workspace, s.Conversation, due, Clock.FindZone(s.TimeZone), cancellationToken);
        var post = (new ToConversation(s.Conversation.Id, s.Conversation.TeamId),
            (OutboxPost)new DigestPost(digest, s.TimeZone) { Locale = settings.DefaultLocale });
        var mine = await ledger.PublishOnceAsync(s.Workspace, claim, [post], cancellationToken);
        if (mine) log.LogInformation("Digest {Week} for {Conversation} in {Workspace} queued", week, s.Conversation.Id, s.Workspace);
        return mine;
    }

    /// <summary>
    /// The channel's recognition gaps to its managers and approvers, once per week under a claim of their own, after
    /// the digest: a roster that fails (throttled, gone) never holds the digest back, and is retried with backoff.
    /// </summary>
    private async Task PublishGapsAsync(
        DigestSubscription s, string week, DateTimeOffset now, Func<Task<MemberScan>> members, CancellationToken cancellationToken)
    {
        var key = $"{s.Workspace}|{s.Conversation.Id}|{week}";
        lock (_retries)
            if (_retries.TryGetValue(key, out var retry) && now < retry.Next) return;
        var claim = $"gaps|{s.Conversation.Id}|{week}";
        if (await ledger.IsClaimedAsync(s.Workspace, claim, cancellationToken)) return;
        var settings = await workspaces.GetAsync(s.Workspace, cancellationToken);
        var notes = await GapNotesAsync(s, settings, await members(), cancellationToken);
        await ledger.PublishOnceAsync(s.Workspace, claim, [.. notes], cancellationToken);
        lock (_retries) _retries.Remove(key);
    }

    // Gap notes that failed, with when to try next: one entry per subscription and week at most, dropped on success
    // or a week after (so it stays as small as the subscriptions with a failing roster).
    private readonly Dictionary<string, (int Failures, DateTimeOffset Next)> _retries = [];

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    private DateTimeOffset Backoff(string key, DateTimeOffset now)
    {
        lock (_retries)
        {
            var failures = _retries.TryGetValue(key, out var r) ? r.Failures + 1 : 1;
            var wait = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 16)));
            _retries[key] = (failures, now + wait);
            return now + wait;
        }
    }

    private void ForgetOldRetries(DateTimeOffset now)
    {
        lock (_retries)
            foreach (var key in _retries.Where(r => r.Value.Next < now.AddDays(-7)).Select(r => r.Key).ToList())
                _retries.Remove(key);
    }

    /// <summary>Who was recognised in the last weeks, and who manages, from one read of the member rows.</summary>
    private sealed record MemberScan(HashSet<MemberId> Recognised, Dictionary<MemberId, string?> Managers);

    private async Task<MemberScan> ScanMembersAsync(WorkspaceId workspace, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-7 * GapWeeks);
        var scan = new MemberScan([], []);
        await foreach (var m in ledger.QueryMembersAsync(workspace, cancellationToken))
        {
            if (m.LastKudosAt >= since) scan.Recognised.Add(m.Member);
            if (m.IsManager) scan.Managers[m.Member] = m.Locale;
        }
        return scan;
    }

    private async Task<IEnumerable<(PostTarget, OutboxPost)>> GapNotesAsync(
        DigestSubscription s, WorkspaceSettings settings, MemberScan scan, CancellationToken cancellationToken)
    {
        var roster = rosters.FirstOrDefault(r => r.Platform == s.Workspace.Platform);
        var managers = new Dictionary<MemberId, string?>(scan.Managers);
        foreach (var approver in settings.Approvers) managers.TryAdd(approver, null);
        // Nobody to tell: no roster read at all.
        if (roster is null || managers.Count == 0) return [];
        var members = await roster.MembersAsync(s.Workspace, s.Conversation, cancellationToken);

        var gaps = members.Where(m => !scan.Recognised.Contains(m)).Distinct().ToList();
        var listed = gaps.Take(RecognitionGapsPost.MaxListed).ToList();
        // A transaction holds 100 rows: the claim and at most 99 notes.
        return managers.Take(99).Select(m => ((PostTarget)new ToMember(m.Key),
            (OutboxPost)new RecognitionGapsPost(s.Conversation.Id, listed, GapWeeks)
            {
                More = gaps.Count - listed.Count,
                Locale = m.Value ?? settings.DefaultLocale,
            }));
    }
}
