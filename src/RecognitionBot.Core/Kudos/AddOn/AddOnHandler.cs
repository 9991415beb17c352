using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;

namespace RecognitionBot.Core.Kudos.AddOn;

/// <summary>
/// "+ Add on" on a celebration: the kudos' public recipients must still be members (leavers and outsiders receive
/// nothing), then one ledger transaction decided by <see cref="AddOnDecider"/>: the adder's allowance, the recipients'
/// points, the add-on on the kudos row, the celebration's redraw and the recipients' DMs.
/// </summary>
[MembersOnly]
[StoresLocale]
public sealed class AddOnHandler(ILedger ledger, Membership membership) : ICommandHandler<AddOnCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<AddOnCommand> request, CancellationToken cancellationToken)
    {
        var (context, addOn, settings) = request;
        if (await ledger.GetKudosAsync(context.Workspace, addOn.Kudos, cancellationToken) is not { } kudos) return new Refused(Refusal.UnknownKudos);
        // The cheap refusals first, so a giver's or recipient's click never asks the platform about anyone.
        if (kudos.Giver == context.Actor) return new Refused(Refusal.AddOnOwnKudos);
        if (kudos.Recipients.Contains(context.Actor)) return new Refused(Refusal.AddOnRecipient);
        if (!kudos.Withdrawn && kudos.PublicRecipients.Count > 0
            && await membership.CheckMembersAsync(context.Workspace, kudos.PublicRecipients, cancellationToken) is { } notMembers) return notMembers;
        return await ledger.AddOnAsync(
            new AddOnRequest(context.Workspace, context.Actor, addOn.Kudos, addOn.Points, addOn.Celebration, context.DeliveryKey?.Value, settings)
            {
                AdderLocale = context.Locale,
            }, cancellationToken);
    }
}
