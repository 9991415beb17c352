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
    /// <summary>Opens the composer (the home's "Give kudos"); its subject names where it was clicked.</summary>
    public const string Compose = "compose";
    /// <summary>Sends a composer from a card (Teams' Action.Execute on the composer card).</summary>
    public const string Give = "give";

    public const string RewardId = "rewardId";
    public const string RedemptionId = "redemptionId";
    /// <summary>The optional reason typed before a reject.</summary>
    public const string Reason = "reason";

    public static IReadOnlyList<string> All { get; } = [Redeem, Approve, Reject, Cancel, Compose];

    /// <summary>What a verb acts on: a reward for redeem, a redemption for the others.</summary>
    public static string SubjectKey(string verb) => verb switch
    {
        Redeem => RewardId,
        Compose => "from",
        _ => RedemptionId,
    };
}
