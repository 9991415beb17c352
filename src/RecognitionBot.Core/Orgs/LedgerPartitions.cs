using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Orgs;

/// <summary>
/// The partition of the <c>ledger</c> table that holds a workspace's rows: its own key, or its organisation's once it
/// has joined one (#15, see docs/organisations-plan.md). Every read and write of the ledger table asks here.
/// </summary>
public sealed class LedgerPartitions
{
    public ValueTask<string> OfAsync(WorkspaceId workspace, CancellationToken cancellationToken) =>
        ValueTask.FromResult(LedgerKeys.Partition(workspace));
}
