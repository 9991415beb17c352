using Azure;
using Azure.Data.Tables;

namespace RecognitionBot.Core.Ledger;

/// <summary>Shared plumbing of every ledger row.</summary>
internal abstract class LedgerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>A copy to change without touching the original (every property is a value or a string).</summary>
    public LedgerEntity Copy() => (LedgerEntity)MemberwiseClone();
}

/// <summary><c>member|{id}</c>: allowance use, points, counters and the member's own settings.</summary>
internal sealed class MemberEntity : LedgerEntity
{
    public string MemberId { get; set; } = "";
    public int Earned { get; set; }
    public int Spent { get; set; }
    public int Held { get; set; }
    /// <summary>The most ever earned (an undone kudos lowers <see cref="Earned"/> only): milestones are not celebrated twice.</summary>
    public int EarnedPeak { get; set; }
    public string? AllowancePeriod { get; set; }
    public int AllowanceUsed { get; set; }
    /// <summary>The local day <see cref="GivenToday"/> is about.</summary>
    public string? GivenTodayDay { get; set; }
    /// <summary>JSON object recipient -> points this member gave them on that day: the per-pair daily cap.</summary>
    public string? GivenToday { get; set; }
    public int KudosReceived { get; set; }
    public int PublicKudosReceived { get; set; }
    public int PublicPointsReceived { get; set; }
    public DateTimeOffset? FirstKudosAt { get; set; }
    public DateTimeOffset? LastKudosAt { get; set; }
    /// <summary>JSON object value -> count, of public kudos received: the leaderboard's "top value".</summary>
    public string? ValueCounts { get; set; }
    public bool IsManager { get; set; }
    public string? ManagerId { get; set; }
    /// <summary>The admin who set <see cref="ManagerId"/>: a manager who mapped themselves does not approve.</summary>
    public string? ManagerSetBy { get; set; }
    public bool PrivateCelebrations { get; set; }
    public bool DirectMessagesOff { get; set; }
    public string? Locale { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
}

/// <summary><c>kudos|{ticks}|{id}</c>: one recognition.</summary>
internal sealed class KudosEntity : LedgerEntity
{
    public string KudosId { get; set; } = "";
    public string Giver { get; set; } = "";
    public string Recipients { get; set; } = "[]";
    public int Points { get; set; }
    public string Message { get; set; } = "";
    public string Values { get; set; } = "[]";
    public string ConversationId { get; set; } = "";
    public string ConversationKind { get; set; } = "";
    public string? TeamId { get; set; }
    public DateTimeOffset GivenAt { get; set; }
    public bool Private { get; set; }
    public string PrivateRecipients { get; set; } = "[]";
    /// <summary>Recipients for whom this was the first kudos ever: the digest's "first-time recipients".</summary>
    public string FirstTimeRecipients { get; set; } = "[]";
    /// <summary>JSON list of add-ons (adder, points, when).</summary>
    public string? AddOns { get; set; }
    public bool Withdrawn { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    /// <summary>JSON: where the celebration was posted, and its milestone lines, so an add-on or undo redraws it in place.</summary>
    public string? Celebration { get; set; }
    /// <summary>JSON list of the recipients' DMs as posted (recipient, conversation, message), so an undo can mark them withdrawn.</summary>
    public string? Notices { get; set; }
    /// <summary>JSON list of the outbox rows the kudos wrote: an undo drops those not posted yet.</summary>
    public string? Outbox { get; set; }
    /// <summary>What the kudos was given for (a message's permalink), if it was started from one.</summary>
    public string? Link { get; set; }
    /// <summary>JSON: a customer's compliment from a helpdesk (source, ticket, channel of contact); null for a colleague's kudos.</summary>
    public string? Customer { get; set; }
}

/// <summary><c>move|{member}|{inverted ticks}|{id}</c>: one line of a member's history.</summary>
internal sealed class MovementEntity : LedgerEntity
{
    public DateTimeOffset At { get; set; }
    public string Kind { get; set; } = "";
    public int Points { get; set; }
    public string Reference { get; set; } = "";
    public string? Counterparty { get; set; }
    public string? Note { get; set; }
}

/// <summary><c>once|{delivery}</c>: a delivery already handled, with the first answer.</summary>
internal sealed class OnceEntity : LedgerEntity
{
    public string Result { get; set; } = "";
}

/// <summary><c>outbox|{ticks}|{id}</c>: a post still to be made.</summary>
internal sealed class OutboxEntity : LedgerEntity
{
    public string Target { get; set; } = "";
    public string Post { get; set; } = "";
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary><c>reward|{id}</c>: a catalog entry. Kept in the ledger partition so a redemption and its stock change together.</summary>
internal sealed class RewardEntity : LedgerEntity
{
    public string Name { get; set; } = "";
    public int Cost { get; set; }
    public int? Stock { get; set; }
    public int Reserved { get; set; }
    public bool NeedsApproval { get; set; } = true;
    public int? MonthlyLimit { get; set; }
    public bool Removed { get; set; }
}

/// <summary><c>redemption|{id}</c>.</summary>
internal sealed class RedemptionEntity : LedgerEntity
{
    public string Requester { get; set; } = "";
    public string RewardId { get; set; } = "";
    public string RewardName { get; set; } = "";
    public int Cost { get; set; }
    public string State { get; set; } = "";
    public string Approvers { get; set; } = "[]";
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Reason { get; set; }
    public string ApprovalMessages { get; set; } = "[]";
    public string? Month { get; set; }
}

/// <summary><c>rcount|{member}|{reward}|{month}</c>: redemptions of one reward by one member in one month.</summary>
internal sealed class CounterEntity : LedgerEntity
{
    public int Count { get; set; }
}

/// <summary><c>nomination|{month}|{nominee}|{nominator}</c>: one nomination for agent of the month (one per pair and month).</summary>
internal sealed class NominationEntity : LedgerEntity
{
    public string Month { get; set; } = "";
    public string Nominee { get; set; } = "";
    public string Nominator { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary><c>award|{period}</c>: an award of a month or a year, as JSON (its candidates are bounded), and its winner.</summary>
internal sealed class AwardEntity : LedgerEntity
{
    public string Period { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Winner { get; set; }
    public string Award { get; set; } = "{}";
}
