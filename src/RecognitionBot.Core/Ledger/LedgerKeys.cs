using System.Globalization;
using System.Text;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

/// <summary>
/// Every key format of the ledger partition, in one place. Ids are escaped so a row key never holds
/// <c>/ \ # ?</c>, control characters or our separator <c>|</c>.
/// </summary>
internal static class LedgerKeys
{
    public static string Partition(WorkspaceId workspace) => Escape(workspace.Key);

    public static string Member(MemberId member) => $"member|{Escape(member.Value)}";
    public const string MemberPrefix = "member|";

    /// <summary>Kudos rows sort by time, so a week is one range query whatever the history's size.</summary>
    public static string Kudos(DateTimeOffset at, string id) => $"kudos|{Ticks(at)}|{id}";
    public static string KudosFrom(DateTimeOffset at) => $"kudos|{Ticks(at)}";

    /// <summary>Newest first: inverted ticks.</summary>
    public static string Movement(MemberId member, DateTimeOffset at, string id) =>
        $"{MovementPrefix(member)}{InvertedTicks(at)}|{id}";
    public static string MovementPrefix(MemberId member) => $"move|{Escape(member.Value)}|";

    /// <summary>Where a member's lines of one instant begin: lines older than it sort after, newer ones before.</summary>
    public static string MovementAt(MemberId member, DateTimeOffset at) => $"{MovementPrefix(member)}{InvertedTicks(at)}";

    public static string Once(string deliveryKey) => $"once|{Escape(deliveryKey)}";
    public const string OncePrefix = "once|";

    public static string Outbox(DateTimeOffset at, string id) => $"outbox|{Ticks(at)}|{id}";
    public const string OutboxPrefix = "outbox|";

    /// <summary>Audit rows, newest first (inverted ticks), in whichever table and partition their change lives.</summary>
    public static string Audit(DateTimeOffset at, string id) => $"{AuditPrefix}{InvertedTicks(at)}|{id}";
    public const string AuditPrefix = "audit|";

    public static string Reward(string id) => $"reward|{id}";
    public const string RewardPrefix = "reward|";

    public static string Redemption(string id) => $"redemption|{id}";
    public const string RedemptionPrefix = "redemption|";

    public static string RedemptionCount(MemberId member, string rewardId, string month) =>
        $"rcount|{Escape(member.Value)}|{rewardId}|{month}";

    /// <summary>A helpdesk integration, by its name's key (<see cref="Integrations.IntegrationNames.Key"/>).</summary>
    public static string Integration(string nameKey) => $"{IntegrationPrefix}{Escape(nameKey)}";
    public const string IntegrationPrefix = "integration|";

    /// <summary>One nomination per nominator and nominee in a local month (a second one finds the row).</summary>
    public static string Nomination(string month, MemberId nominee, MemberId nominator) =>
        $"{NominationPrefix(month)}{Escape(nominee.Value)}|{Escape(nominator.Value)}";
    public static string NominationPrefix(string month) => $"nomination|{month}|";

    /// <summary>An award of a month (<c>2026-11</c>) or a year (<c>2026</c>): a year's months share the prefix <c>award|2026-</c>.</summary>
    public static string Award(string period) => $"award|{Escape(period)}";

    /// <summary>The company budget that customer kudos points come from.</summary>
    public const string Budget = "budget|company";

    /// <summary>The smallest string greater than every key that starts with <paramref name="prefix"/>.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static string InvertedTicks(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public static string Escape(string value)
    {
        var plain = true;
        foreach (var c in value)
            if (!IsPlain(c)) { plain = false; break; }
        if (plain) return value;

        var sb = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 0x80 && IsPlain(c)) sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    public static string Unescape(string value) => value.Contains('%') ? Uri.UnescapeDataString(value) : value;

    private static bool IsPlain(char c) =>
        c is > (char)0x1F and < (char)0x7F and not ('/' or '\\' or '#' or '?' or '|' or '%' or '\'');
}
