using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

/// <summary>
/// A member's row as the deciders see it: points, allowance use, the per-pair counts of the day, counters and the
/// member's own settings. A member never seen before is a row of zeros (<see cref="New"/>).
/// </summary>
public sealed record MemberRow(MemberId Member)
{
    public int Earned { get; init; }
    public int Spent { get; init; }
    public int Held { get; init; }

    /// <summary>The most this member ever had earned: an undone kudos lowers <see cref="Earned"/>, never the milestones already celebrated.</summary>
    public int EarnedPeak { get; init; }

    /// <summary>The allowance period <see cref="AllowanceUsed"/> is about; another period's use counts as none.</summary>
    public string? AllowancePeriod { get; init; }
    public int AllowanceUsed { get; init; }

    /// <summary>The local day <see cref="GivenToday"/> is about.</summary>
    public string? GivenTodayDay { get; init; }

    /// <summary>Recipient -> points this member gave them on <see cref="GivenTodayDay"/>: the per-pair daily cap.</summary>
    public IReadOnlyDictionary<string, int> GivenToday { get; init; } = Empty;
    public int KudosReceived { get; init; }
    public int PublicKudosReceived { get; init; }
    public int PublicPointsReceived { get; init; }
    public DateTimeOffset? FirstKudosAt { get; init; }
    public DateTimeOffset? LastKudosAt { get; init; }

    /// <summary>Value -> count, of public kudos received: the leaderboard's "top value".</summary>
    public IReadOnlyDictionary<string, int> ValueCounts { get; init; } = Empty;
    public bool IsManager { get; init; }
    public MemberId? Manager { get; init; }

    /// <summary>The admin who set <see cref="Manager"/>: a manager who mapped themselves does not approve.</summary>
    public MemberId? ManagerSetBy { get; init; }
    public bool PrivateCelebrations { get; init; }
    public bool DirectMessagesOff { get; init; }
    public string? Locale { get; init; }

    /// <summary>When the platform said this person left (deactivated, or removed from the organisation); null while they belong.</summary>
    public DateTimeOffset? LeftAt { get; init; }

    /// <summary>A leaver can neither give nor receive; their history stays.</summary>
    public bool HasLeft => LeftAt is not null;

    public MemberBalance Balance => new(Earned, Spent, Held);

    public MemberState State =>
        new(Member, Balance, IsManager, Manager, PrivateCelebrations, DirectMessagesOff, Locale, KudosReceived, LastKudosAt, ManagerSetBy, LeftAt);

    public static MemberRow New(MemberId member) => new(member);

    private static readonly IReadOnlyDictionary<string, int> Empty = new Dictionary<string, int>();
}
