using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Awards;

/// <summary>The ledger's side of awards: nominations, the award of each period, the choice of its winner; each change one transaction.</summary>
public interface IAwardLedger
{
    /// <summary>The nomination row and the delivery's marker, decided by <see cref="NominationDecider"/>.</summary>
    Task<CommandResult> NominateAsync(NominateRequest request, CancellationToken cancellationToken);

    Task<IReadOnlyList<Nomination>> GetNominationsAsync(WorkspaceId workspace, string month, CancellationToken cancellationToken);

    Task<Award?> GetAwardAsync(WorkspaceId workspace, string period, CancellationToken cancellationToken);

    /// <summary>The monthly awards of a year (decided or not), oldest first.</summary>
    Task<IReadOnlyList<Award>> GetMonthlyAwardsAsync(WorkspaceId workspace, string year, CancellationToken cancellationToken);

    /// <summary>Whether the period's award row exists (its claim): one point read.</summary>
    Task<bool> IsAwardOpenedAsync(WorkspaceId workspace, string period, CancellationToken cancellationToken);

    /// <summary>
    /// The award row (the period's claim, added never replaced) and the cards to the approvers, in one transaction: false
    /// when another instance opened the period first (nothing written). A period without candidates is a row without cards.
    /// </summary>
    Task<bool> OpenAwardAsync(WorkspaceId workspace, Award award, IReadOnlyList<OutgoingPost> posts, CancellationToken cancellationToken);

    /// <summary>The winner chosen, decided by <see cref="AwardDecider"/>: award, reward stock, granted redemption, audit, posts, marker.</summary>
    Task<CommandResult> ChooseAwardAsync(ChooseAwardRequest request, CancellationToken cancellationToken);

    /// <summary>Where an award card was posted, so the decision redraws it; a card posted after the decision is redrawn at once.</summary>
    Task RecordAwardMessageAsync(WorkspaceId workspace, string period, PostedMessage message, string locale, CancellationToken cancellationToken);
}
