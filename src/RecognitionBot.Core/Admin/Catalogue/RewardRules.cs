using System.Globalization;
using RecognitionBot.Core.Commands;

namespace RecognitionBot.Core.Admin.Catalogue;

/// <summary>
/// What a reward may be, whoever writes it: the chat parser already reads only positive numbers, but the dashboard's
/// forms reach the deciders without it, so the deciders check again.
/// </summary>
public static class RewardRules
{
    public const int MaxNameLength = 80;

    /// <summary>The largest cost, stock, restock or monthly limit: far above any real catalog, far below overflow.</summary>
    public const int MaxNumber = 1_000_000;

    /// <summary>Why a reward with these fields cannot be written, or null.</summary>
    public static Refused? Check(string name, int cost, int? stock, int? monthlyLimit)
    {
        if (name.Trim().Length is 0 or > MaxNameLength) return new Refused(Refusal.BadRewardName, MaxNameLength.ToString(CultureInfo.InvariantCulture));
        return new[] { (int?)cost, stock, monthlyLimit }.Any(n => n is not null and (< 1 or > MaxNumber)) ? NumberRefusal : null;
    }

    public static Refused NumberRefusal { get; } = new(Refusal.BadRewardNumber, MaxNumber.ToString(CultureInfo.InvariantCulture));
}
