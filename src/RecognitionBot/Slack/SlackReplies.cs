namespace RecognitionBot.Slack;

/// <summary>What only Slack shows: the reject modal, and sentences of the Slack adapter's own.</summary>
public static class SlackReplies
{
    /// <summary>The modal Reject opens: an optional reason, carried back with the redemption and the card to update.</summary>
    public static ModalView RejectModal(string privateMetadata, Core.Text.Texts t) => RejectModal(privateMetadata, Core.Views.RedemptionViews.Reason(t), t["Approval.Reject"]);

    private static ModalView RejectModal(string privateMetadata, Core.Views.ReasonInput reason, string title) =>
        new(new PlainText(SlackViews.Fit(title, 24)),
            [
                new InputBlock(
                    new PlainText(reason.Label),
                    new PlainTextInputElement(SlackActions.ReasonInput, Multiline: true, MaxLength: reason.MaxLength, Placeholder: new PlainText(SlackViews.Fit(reason.Placeholder, 150))),
                    Optional: true) { BlockId = SlackActions.ReasonBlock },
            ],
            Submit: new PlainText(SlackViews.Fit(title, 24)))
        {
            CallbackId = SlackActions.RejectModal,
            PrivateMetadata = privateMetadata,
        };

    public static SlackMessage Sentence(string mrkdwn, bool warning = false) =>
        new(mrkdwn, [new SectionBlock(new Mrkdwn((warning ? ":warning: " : "") + mrkdwn))]);
}
