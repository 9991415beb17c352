using System.Text.Json.Serialization;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Rewards.Redeem;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Members.People;

/// <summary>A manager's or approver's people: kudos received and given lately, the recognition gaps, what waits for them.</summary>
public sealed record MyPeopleCommand : KudosCommand
{
    /// <summary>The short window: a person with no kudos received in it is a recognition gap (the digest's four weeks).</summary>
    public const int ShortWeeks = 4;
    public const int LongWeeks = 12;
}

/// <summary>One of my people, with the kudos they received and gave (counts of kudos, not points) in both windows.</summary>
public sealed record PersonActivity(MemberId Member, int ReceivedShort, int GivenShort, int ReceivedLong, int GivenLong)
{
    [JsonIgnore]
    public bool IsGap => ReceivedShort == 0;
}

/// <summary>
/// The people whose redemptions the asker approves (the same resolution a redemption uses, so "my people" and "my
/// approvals" never disagree), each with their recent kudos, and the requests waiting for the asker.
/// </summary>
public sealed record MyPeopleView(IReadOnlyList<PersonActivity> People, IReadOnlyList<PendingApproval> Pending, int ShortWeeks, int LongWeeks)
    : CommandResult
{
    [JsonIgnore]
    public IEnumerable<PersonActivity> Gaps => People.Where(p => p.IsGap);
}

public sealed class MyPeopleHandler(TableLedger ledger, Approvers approvers, TimeProvider clock) : ICommandHandler<MyPeopleCommand>
{
    // Each person's approvers are resolved as a redemption would (a row read, maybe a directory lookup): bounded.
    private const int MaxPeople = 500;

    public async Task<CommandResult> HandleAsync(CommandRequest<MyPeopleCommand> request, CancellationToken cancellationToken)
    {
        var (workspace, me, settings) = (request.Workspace, request.Actor, request.Settings);
        var mine = new List<MemberId>();
        await foreach (var member in ledger.QueryMembersAsync(workspace, cancellationToken))
        {
            if (member.Member == me || member.HasLeft) continue;
            if ((await approvers.ResolveAsync(workspace, member.Member, settings, cancellationToken)).Contains(me)) mine.Add(member.Member);
            if (mine.Count >= MaxPeople) break;
        }

        var now = clock.GetUtcNow();
        var shortFrom = now.AddDays(-7 * MyPeopleCommand.ShortWeeks);
        var counts = mine.ToDictionary(m => m, _ => new int[4]);
        await foreach (var kudos in ledger.QueryKudosAsync(workspace, now.AddDays(-7 * MyPeopleCommand.LongWeeks), now.AddMinutes(1), cancellationToken))
        {
            var recent = kudos.GivenAt >= shortFrom;
            foreach (var r in kudos.Recipients.Distinct())
                if (counts.TryGetValue(r, out var c)) Count(c, 0, recent);
            if (counts.TryGetValue(kudos.Giver, out var g)) Count(g, 1, recent);
        }

        var waiting = await ledger.GetPendingRedemptionsAsync(workspace, me, cancellationToken);
        var available = (await ledger.GetMembersAsync(workspace, [.. waiting.Select(r => r.Requester).Distinct()], cancellationToken))
            .ToDictionary(s => s.Member, s => s.Balance.Available);
        var people = mine.Select(m => new PersonActivity(m, counts[m][0], counts[m][1], counts[m][2], counts[m][3]))
            .OrderBy(p => p.ReceivedShort).ThenBy(p => p.ReceivedLong).ThenBy(p => p.Member.Value, StringComparer.Ordinal).ToList();
        return new MyPeopleView(people, [.. waiting.Select(r => new PendingApproval(r, available.GetValueOrDefault(r.Requester)))],
            MyPeopleCommand.ShortWeeks, MyPeopleCommand.LongWeeks);
    }

    // [received 4w, given 4w, received 12w, given 12w]
    private static void Count(int[] c, int what, bool recent)
    {
        c[what + 2]++;
        if (recent) c[what]++;
    }
}
