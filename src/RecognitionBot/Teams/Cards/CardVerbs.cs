namespace RecognitionBot.Teams.Cards;

/// <summary>The Action.Execute verbs our cards send back, and the data keys they carry. Routing is on these only.</summary>
public static class CardVerbs
{
    public const string Redeem = "redeem";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Cancel = "cancel";

    public const string RewardId = "rewardId";
    public const string RedemptionId = "redemptionId";
    /// <summary>The id of the reason input on the approval card.</summary>
    public const string Reason = "reason";
}
