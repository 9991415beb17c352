using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Home;

/// <summary>
/// Whose home a result changed: the giver and the recipients of a kudos (balance, allowance, recent kudos, the
/// leaderboard's own line), the requester and the approvers of a redemption (balance, the pending list). A surface
/// that keeps homes published refreshes these; a result that changed nothing (a refusal, a replay) changes no home.
/// </summary>
public static class HomeChanges
{
    public static IReadOnlyList<MemberId> For(MemberId actor, CommandResult result) => result switch
    {
        { Replayed: true } => [],
        KudosGiven given => [.. given.Kudos.Recipients.Prepend(given.Kudos.Giver).Distinct()],
        // An add-on moves the adder's allowance and what its recipients received; an undo takes a kudos back from all.
        AddOnGiven addOn => [.. addOn.Kudos.PublicRecipients.Prepend(actor).Distinct()],
        KudosUndone undone => [.. undone.Kudos.Recipients.Prepend(undone.Kudos.Giver).Distinct()],
        RedemptionView { Change: not RedemptionChange.Unchanged } r =>
            [.. r.Redemption.Approvers.Prepend(r.Redemption.Requester).Append(actor).Distinct()],
        _ => [],
    };
}
