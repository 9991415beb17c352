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

    /// <summary>One round: every due, unclaimed digest of every workspace. Returns how many this instance published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        var now = clock.GetUtcNow();
        await foreach (var workspace in workspaces.ListAsync(cancellationToken))
        {
            // Member rows are read once per workspace and round, however many of its channels are due.
            Task<MemberScan>? members = null;
            foreach (var s in await subscriptions.ListAsync(workspace, cancellationToken))
            {
                var (due, weekEnd) = DueThisWeek(s, now);
                if (now < due || now >= weekEnd) continue;
                try
                {
                    members ??= ScanMembersAsync(workspace, now, cancellationToken);
                    if (await PublishAsync(s, due, members, cancellationToken)) published++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One channel's failure must not hold up the others; the next round tries again this week.
                    log.LogError(e, "Digest for {Conversation} in {Workspace} failed", s.Conversation.Id, workspace);
                    members = null;
                }
            }
        }
        return published;
    }

    private async Task<bool> PublishAsync(DigestSubscription s, DateTimeOffset due, Task<MemberScan> members, CancellationToken cancellationToken)
    {
        var zone = Clock.FindZone(s.TimeZone);
        var week = DigestBuilder.WeekLabel(due, zone);
        var claim = $"digest|{s.Conversation.Id}|{week}";
        var settings = await workspaces.GetAsync(s.Workspace, cancellationToken);
        var digest = await builder.BuildWeekUntilAsync(s.Workspace, s.Conversation, due, zone, cancellationToken);
        var posts = new List<(PostTarget, OutboxPost)>
        {
            (new ToConversation(s.Conversation.Id, s.Conversation.TeamId), new DigestPost(digest, s.TimeZone) { Locale = settings.DefaultLocale }),
        };
        posts.AddRange(await GapNotesAsync(s, settings, await members, cancellationToken));
        var mine = await ledger.PublishOnceAsync(s.Workspace, claim, posts, cancellationToken);
        if (mine) log.LogInformation("Digest {Week} for {Conversation} in {Workspace} queued", week, s.Conversation.Id, s.Workspace);
        return mine;
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

    private async Task<IEnumerable<(PostTarget, OutboxPost)>> GapNotesAsync(DigestSubscription s, WorkspaceSettings settings, MemberScan scan, CancellationToken cancellationToken)
    {
        var roster = rosters.FirstOrDefault(r => r.Platform == s.Workspace.Platform);
        if (roster is null) return [];
        var members = await roster.MembersAsync(s.Workspace, s.Conversation, cancellationToken);
        var managers = new Dictionary<MemberId, string?>(scan.Managers);
        foreach (var approver in settings.Approvers) managers.TryAdd(approver, null);

        var gaps = members.Where(m => !scan.Recognised.Contains(m)).Distinct().ToList();
        var listed = gaps.Take(RecognitionGapsPost.MaxListed).ToList();
        // A transaction holds 100 rows: the claim, the digest, and at most 98 notes.
        return managers.Take(98).Select(m => ((PostTarget)new ToMember(m.Key),
            (OutboxPost)new RecognitionGapsPost(s.Conversation.Id, listed, GapWeeks)
            {
                More = gaps.Count - listed.Count,
                Locale = m.Value ?? settings.DefaultLocale,
            }));
    }
}
