using RecognitionBot.Core.Views;

namespace RecognitionBot.Slack;

/// <summary>
/// Slack's action ids are the core's verbs (<see cref="ViewVerbs"/>) with the app's prefix; the reject modal's own
/// ids are Slack's alone, as only Slack asks for a reason in a modal.
/// </summary>
public static class SlackActions
{
    private const string Prefix = "kudos_";

    public static string Id(string verb) => Prefix + verb;

    /// <summary>One of several buttons of one verb in a block (add-on's +1 / +5 / +10): Slack wants each action id unique.</summary>
    public static string Id(string verb, int variant) => $"{Prefix}{verb}.{variant.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The verb of one of our action ids, or null for an id that is not ours.</summary>
    public static string? Verb(string? actionId) =>
        actionId is null || !actionId.StartsWith(Prefix, StringComparison.Ordinal) ? null
        // Cancel buttons sent before the verbs were shared with Teams still say so.
        : actionId == LegacyCancel ? ViewVerbs.Cancel
        : actionId.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? actionId[Prefix.Length..dot]
        : actionId[Prefix.Length..];

    private const string LegacyCancel = "kudos_cancel_redemption";

    /// <summary>The modal asking an approver for an optional reason before rejecting.</summary>
    public const string RejectModal = "kudos_reject_modal";
    public const string ReasonBlock = "reason";
    public const string ReasonInput = "reason";

    /// <summary>The composer modal, and the two shortcuts that open it (as in manifest/slack/manifest.json).</summary>
    public const string ComposerModal = "kudos_composer";
    public const string GiveShortcut = "kudos_give";
    public const string GiveForMessageShortcut = "kudos_give_for_message";

    /// <summary>The App Home tab's callback id, and the modal a click in it answers with (it has no message to reply under).</summary>
    public const string Home = "kudos_home";
    public const string AnswerModal = "kudos_answer";
}
