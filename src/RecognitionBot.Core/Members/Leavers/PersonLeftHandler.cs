using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Members.Leavers;

/// <summary>
/// Someone left (or came back). Step by step, one transaction each, so no step is ever too big for storage's 100
/// rows however many requests there are: the mark (with the delivery's marker), then each of the leaver's pending
/// requests cancelled, then each request waiting on them as approver re-routed. The steps after the mark run on every
/// delivery while the person is a leaver: a delivery cut short (a crash, a timeout that made Slack retry) is finished
/// by the next one, and one that finds nothing left to do writes nothing.
/// </summary>
public sealed class PersonLeftHandler(ILedger ledger, WorkspaceStore workspaces, ILogger<PersonLeftHandler> log)
{
    /// <summary>Whether the ledger has this person as a leaver: a cheap look before asking the platform anything.</summary>
    public async Task<bool> IsLeaverAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken) =>
        (await ledger.GetMemberAsync(workspace, member, cancellationToken)).HasLeft;

    public async Task<PersonLeftOutcome> HandleAsync(PersonLeft command, CancellationToken cancellationToken)
    {
        var (workspace, member) = (command.Workspace, command.Member);
        var marked = await ledger.MarkLeftAsync(workspace, member, command.Left, command.Delivery?.Value, cancellationToken);
        var changed = marked is LeaverMarked { Changed: true } && !marked.Replayed;
        // The row decides, not this delivery: a late redelivery of "left" after a return must not cancel anything.
        var state = await ledger.GetMemberAsync(workspace, member, cancellationToken);
        if (!state.HasLeft) return new PersonLeftOutcome(member, false, changed, 0, 0);

        var settings = await workspaces.GetAsync(workspace, cancellationToken);
        var pending = await ledger.GetPendingRedemptionsAsync(workspace, cancellationToken);
        var cancelled = 0;
        var rerouted = 0;
        foreach (var redemption in pending)
        {
            if (redemption.Requester == member)
            {
                var result = await ledger.CancelForLeaverAsync(workspace, member, redemption.Id, settings, cancellationToken);
                if (result is RedemptionView { Change: RedemptionChange.Cancelled }) cancelled++;
            }
            else if (redemption.Approvers.Contains(member))
            {
                var result = await ledger.RerouteAsync(workspace, member, redemption.Id, settings, cancellationToken);
                if (result is RedemptionView { Change: RedemptionChange.Requested }) rerouted++;
            }
        }
        if (changed || cancelled > 0 || rerouted > 0)
            log.LogInformation("{Member} left {Workspace}: {Cancelled} requests cancelled, {Rerouted} re-routed", member, workspace, cancelled, rerouted);
        return new PersonLeftOutcome(member, true, changed, cancelled, rerouted);
    }
}
