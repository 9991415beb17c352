namespace RecognitionBot.Core.Views;

/// <summary>
/// The verbs of every button the app shows, and the payload keys they carry: the one table both platforms render
/// and route by. Slack's action ids and Teams' Action.Execute verbs are made from these.
/// </summary>
public static class ViewVerbs
{
    public const string Redeem = "redeem";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Cancel = "cancel";
    public const string AddOn = "addon";
    public const string Undo = "undo";
    /// <summary>Opens the composer (the home's "Give kudos"); its subject names where it was clicked.</summary>
    public const string Compose = "compose";
    /// <summary>Sends a composer from a card (Teams' Action.Execute on the composer card).</summary>
    public const string Give = "give";
    /// <summary>
    /// "Choose as winner" on an award card; its subject is <see cref="AwardSubject"/>, the reward chosen travels as
    /// <see cref="AwardReward"/>.
    /// </summary>
    public const string Award = "award";

    public const string RewardId = "rewardId";
    public const string RedemptionId = "redemptionId";
    public const string KudosId = "kudosId";
    /// <summary>The points an add-on adds: a number field's value, or the preset a button carries after its subject.</summary>
    public const string Points = "points";
    public const string AwardId = "awardId";
    /// <summary>The reward chosen with an award (empty for none): an input's id where a surface has inputs.</summary>
    public const string AwardReward = "awardReward";

    /// <summary>The id of the choice input a button of <paramref name="subject"/> asks through (unique on a card).</summary>
    public static string ChoiceInputId(string subject) => $"{AwardReward}:{subject}";

    /// <summary>The option "no reward" of an award (a choice list sends a value for every option).</summary>
    public const string NoReward = "-";

    /// <summary>The optional reason typed before a reject.</summary>
    public const string Reason = "reason";

    /// <summary>The subject of a <see cref="Compose"/> button that opens the composer with someone chosen (the gaps note's surprise).</summary>
    public static string ComposeFor(Workspaces.MemberId member) => "for:" + member.Value;

    /// <summary>Who a <see cref="Compose"/> button chooses, or null when it chooses nobody (the home's "Give kudos").</summary>
    public static Workspaces.MemberId? ComposeRecipient(string? subject) =>
        subject is { Length: > 4 } s && s.StartsWith("for:", StringComparison.Ordinal) ? new Workspaces.MemberId(s[4..]) : null;

    public static IReadOnlyList<string> All { get; } = [Redeem, Approve, Reject, Cancel, Compose, AddOn, Undo, Award];

    /// <summary>The subject of an award button: the award's period and the candidate, <c>{period}|{member}</c>.</summary>
    public static string AwardSubject(string period, Workspaces.MemberId candidate) => $"{period}|{candidate.Value}";

    /// <summary>An award subject with the reward chosen (empty for none), for surfaces whose choices carry one value (Slack).</summary>
    public static string WithReward(string subject, string? rewardId) => $"{subject}|{rewardId}";

    /// <summary>The period, the candidate and the reward (null for none) of an award button's value; null when it is not one.</summary>
    public static (string Period, Workspaces.MemberId Candidate, string? RewardId)? SplitAward(string value, string? reward = null)
    {
        var parts = value.Split('|');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[1].Length == 0) return null;
        var chosen = parts.Length == 3 ? parts[2] : reward;
        return (parts[0], new Workspaces.MemberId(parts[1]), string.IsNullOrWhiteSpace(chosen) || chosen == NoReward ? null : chosen);
    }

    /// <summary>What a verb acts on: a reward for redeem, a kudos for add-on and undo, a redemption for the others.</summary>
    public static string SubjectKey(string verb) => verb switch
    {
        Redeem => RewardId,
        AddOn or Undo => KudosId,
        Award => AwardId,
        Compose => "from",
        _ => RedemptionId,
    };

    /// <summary>A subject with a preset amount, for surfaces whose buttons carry one value (Slack): <c>{subject}:{points}</c>.</summary>
    public static string WithAmount(string subject, int points) => $"{subject}:{points.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The subject and amount of <see cref="WithAmount"/>; the amount is null when the value carries none.</summary>
    public static (string Subject, int? Points) SplitAmount(string value)
    {
        var cut = value.LastIndexOf(':');
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return cut > 0 && int.TryParse(value.AsSpan(cut + 1), System.Globalization.NumberStyles.None, culture, out var n)
            ? (value[..cut], n)
            : (value, null);
    }
}
