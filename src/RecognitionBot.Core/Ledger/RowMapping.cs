using System.Text.Json;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

/// <summary>Table rows to the deciders' records and back: the one place that knows how a row's fields are stored.</summary>
internal static class RowMapping
{
    public static MemberRow ToRow(this MemberEntity e) => new(new MemberId(e.MemberId))
    {
        Earned = e.Earned,
        Spent = e.Spent,
        Held = e.Held,
        EarnedPeak = e.EarnedPeak,
        AllowancePeriod = e.AllowancePeriod,
        AllowanceUsed = e.AllowanceUsed,
        GivenTodayDay = e.GivenTodayDay,
        GivenToday = ReadCounts(e.GivenToday),
        KudosReceived = e.KudosReceived,
        PublicKudosReceived = e.PublicKudosReceived,
        PublicPointsReceived = e.PublicPointsReceived,
        FirstKudosAt = e.FirstKudosAt,
        LastKudosAt = e.LastKudosAt,
        ValueCounts = ReadCounts(e.ValueCounts),
        IsManager = e.IsManager,
        Manager = e.ManagerId is null ? null : new MemberId(e.ManagerId),
        ManagerSetBy = e.ManagerSetBy is null ? null : new MemberId(e.ManagerSetBy),
        PrivateCelebrations = e.PrivateCelebrations,
        DirectMessagesOff = e.DirectMessagesOff,
        Locale = e.Locale,
        LeftAt = e.LeftAt,
    };

    /// <summary>Writes a decided row onto the entity it was read from (keeping its keys and ETag).</summary>
    public static void Apply(this MemberEntity e, MemberRow before, MemberRow after)
    {
        e.Earned = after.Earned;
        e.Spent = after.Spent;
        e.Held = after.Held;
        e.EarnedPeak = after.EarnedPeak;
        e.AllowancePeriod = after.AllowancePeriod;
        e.AllowanceUsed = after.AllowanceUsed;
        e.GivenTodayDay = after.GivenTodayDay;
        // Counts the decision did not touch keep their stored text: no serializing on every kudos.
        if (!ReferenceEquals(before.GivenToday, after.GivenToday)) e.GivenToday = WriteCounts(after.GivenToday);
        e.KudosReceived = after.KudosReceived;
        e.PublicKudosReceived = after.PublicKudosReceived;
        e.PublicPointsReceived = after.PublicPointsReceived;
        e.FirstKudosAt = after.FirstKudosAt;
        e.LastKudosAt = after.LastKudosAt;
        if (!ReferenceEquals(before.ValueCounts, after.ValueCounts)) e.ValueCounts = WriteCounts(after.ValueCounts);
        e.IsManager = after.IsManager;
        e.ManagerId = after.Manager?.Value;
        e.ManagerSetBy = after.ManagerSetBy?.Value;
        e.PrivateCelebrations = after.PrivateCelebrations;
        e.DirectMessagesOff = after.DirectMessagesOff;
        e.Locale = after.Locale;
        e.LeftAt = after.LeftAt;
    }

    public static Reward ToReward(this RewardEntity e) =>
        new(e.RowKey[LedgerKeys.RewardPrefix.Length..], e.Name, e.Cost, e.Stock, e.Reserved, e.NeedsApproval, e.MonthlyLimit);

    /// <summary>The part of a reward a redemption changes: its stock and how many pending requests hold one.</summary>
    public static void ApplyStock(this RewardEntity e, Reward after)
    {
        e.Stock = after.Stock;
        e.Reserved = after.Reserved;
    }

    public static RedemptionRow ToRow(this RedemptionEntity e) => new(new Redemption(
        LedgerKeys.Unescape(e.RowKey[LedgerKeys.RedemptionPrefix.Length..]),
        new MemberId(e.Requester),
        e.RewardId,
        e.RewardName,
        e.Cost,
        Enum.Parse<RedemptionState>(e.State),
        ReadList(e.Approvers).Select(a => new MemberId(a)).ToList(),
        e.RequestedAt,
        e.DecidedBy is null ? null : new MemberId(e.DecidedBy),
        e.DecidedAt,
        e.Reason,
        JsonSerializer.Deserialize<List<PostedMessage>>(e.ApprovalMessages, Json.Options)), e.Month);

    /// <summary>Writes a decided redemption onto its entity (a fresh one for a new redemption).</summary>
    public static RedemptionEntity Apply(this RedemptionEntity e, RedemptionRow row)
    {
        var r = row.Redemption;
        e.Requester = r.Requester.Value;
        e.RewardId = r.RewardId;
        e.RewardName = r.RewardName;
        e.Cost = r.Cost;
        e.State = r.State.ToString();
        e.Approvers = WriteList(r.Approvers.Select(a => a.Value));
        e.RequestedAt = r.RequestedAt;
        e.DecidedBy = r.DecidedBy?.Value;
        e.DecidedAt = r.DecidedAt;
        e.Reason = r.Reason;
        e.ApprovalMessages = r.ApprovalMessages is null ? "[]" : JsonSerializer.Serialize(r.ApprovalMessages, Json.Options);
        e.Month = row.Month;
        return e;
    }

    public static MovementEntity ToEntity(this HistoryRow row) => new()
    {
        RowKey = LedgerKeys.Movement(row.Member, row.Movement.At, LedgerKeys.NewId()),
        At = row.Movement.At,
        Kind = row.Movement.Kind.ToString(),
        Points = row.Movement.Points,
        Reference = row.Movement.Reference,
        Counterparty = row.Movement.Counterparty?.Value,
        Note = row.Movement.Note,
    };

    public static KudosEntity ToEntity(this Kudos.Kudos kudos) => new()
    {
        RowKey = LedgerKeys.Kudos(kudos.GivenAt, kudos.Id),
        KudosId = kudos.Id,
        Giver = kudos.Giver.Value,
        Recipients = WriteList(kudos.Recipients.Select(m => m.Value)),
        Points = kudos.Points,
        Message = kudos.Message,
        Values = WriteList(kudos.Values),
        ConversationId = kudos.Conversation.Id,
        ConversationKind = kudos.Conversation.Kind.ToString(),
        TeamId = kudos.Conversation.TeamId,
        GivenAt = kudos.GivenAt,
        Private = kudos.Private,
        PrivateRecipients = WriteList(kudos.PrivateRecipients.Select(m => m.Value)),
        FirstTimeRecipients = WriteList((kudos.FirstTimeRecipients ?? []).Select(m => m.Value)),
        AddOns = kudos.AddOns.Count == 0 ? null : JsonSerializer.Serialize(kudos.AddOns, Json.Options),
        Withdrawn = kudos.Withdrawn,
        Link = kudos.Link,
        Customer = kudos.Customer is null ? null : JsonSerializer.Serialize(kudos.Customer, Json.Options),
    };

    /// <summary>Writes what an add-on or an undo changes onto the kudos row read (keeping where its posts went).</summary>
    public static void Apply(this KudosEntity e, Kudos.Kudos kudos, DateTimeOffset now)
    {
        e.AddOns = kudos.AddOns.Count == 0 ? null : JsonSerializer.Serialize(kudos.AddOns, Json.Options);
        if (kudos.Withdrawn && !e.Withdrawn) e.WithdrawnAt = now;
        e.Withdrawn = kudos.Withdrawn;
    }

    public static IReadOnlyList<Kudos.KudosAddOn> ReadAddOns(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<Kudos.KudosAddOn>>(json, Json.Options) ?? [];

    public static string[] ReadList(string json) => JsonSerializer.Deserialize<string[]>(json, Json.Options) ?? [];

    public static string WriteList(IEnumerable<string> items) => JsonSerializer.Serialize(items, Json.Options);

    private static readonly IReadOnlyDictionary<string, int> NoCounts = new Dictionary<string, int>();

    private static IReadOnlyDictionary<string, int> ReadCounts(string? json) =>
        string.IsNullOrEmpty(json) ? NoCounts : JsonSerializer.Deserialize<Dictionary<string, int>>(json, Json.Options)!;

    private static string WriteCounts(IReadOnlyDictionary<string, int> counts) => JsonSerializer.Serialize(counts, Json.Options);
}
