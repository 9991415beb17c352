namespace RecognitionBot.Slack;

/// <summary>The action and callback ids the app's blocks carry; interactions are routed on these, never on text.</summary>
public static class SlackActions
{
    public const string Redeem = "kudos_redeem";
    public const string Approve = "kudos_approve";
    public const string Reject = "kudos_reject";
    public const string CancelRedemption = "kudos_cancel_redemption";

    /// <summary>The modal asking an approver for an optional reason before rejecting.</summary>
    public const string RejectModal = "kudos_reject_modal";
    public const string ReasonBlock = "reason";
    public const string ReasonInput = "reason";
}
