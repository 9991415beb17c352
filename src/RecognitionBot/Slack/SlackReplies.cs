namespace RecognitionBot.Slack;

/// <summary>What only Slack shows: the reject modal, and sentences of the Slack adapter's own.</summary>
public static class SlackReplies
{
    /// <summary>The modal Reject opens: an optional reason, carried back with the redemption and the card to update.</summary>
    public static ModalView RejectModal(string privateMetadata, Core.Text.Texts t) =>
        RejectModal(privateMetadata, Core.Views.RedemptionViews.Reason(t), t["Approval.Reject"]);

    private static ModalView RejectModal(string privateMetadata, Core.Views.ReasonInput reason, string title) =>
        new(new PlainText(SlackViews.Fit(title, 24)),
            [
                new InputBlock(
                    new PlainText(reason.Label),
                    new PlainTextInputElement(
                        SlackActions.ReasonInput, Multiline: true, MaxLength: reason.MaxLength,
                        Placeholder: new PlainText(SlackViews.Fit(reason.Placeholder, 150))),
                    Optional: true) { BlockId = SlackActions.ReasonBlock },
            ],
            Submit: new PlainText(SlackViews.Fit(title, 24)))
        {
            CallbackId = SlackActions.RejectModal,
            PrivateMetadata = privateMetadata,
        };

    /// <summary>
    /// An answer shown as a modal, where there is no message to answer under (a click in the App Home, a shortcut):
    /// the same blocks as the message would have had, and a Close button.
    /// </summary>
    public static ModalView AnswerModal(Core.Views.View view, Core.Text.Texts t)
    {
        var message = SlackViews.Render(view);
        var title = view.Title is { Length: > 0 } ? view.Title : t["Composer.Title"];
        // The modal's own title says what the header block would have said.
        var blocks = (message.Blocks ?? []).Where(b => b is not HeaderBlock).ToList();
        if (blocks.Count == 0) blocks.Add(new SectionBlock(new Mrkdwn(message.Text)));
        var close = new PlainText(SlackViews.Fit(SlackTexts.Get(SlackTexts.AnswerClose, t.Culture), 24));
        return new ModalView(new PlainText(SlackViews.Fit(title, 24)), blocks, Close: close)
        {
            CallbackId = SlackActions.AnswerModal,
        };
    }

    public static SlackMessage Sentence(string mrkdwn, bool warning = false) =>
        new(mrkdwn, [new SectionBlock(new Mrkdwn((warning ? ":warning: " : "") + mrkdwn))]);
}
