using Azure.Data.Tables;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

public sealed partial class TableLedger
{
    /// <summary>
    /// Claims a digest and queues its posts in one transaction: the claim is a marker row added with the posts, so
    /// two schedulers racing get one 409 and one digest, and a crash can never leave a claim without its posts.
    /// </summary>
    public async Task<bool> PublishOnceAsync(WorkspaceId workspace, string claim, IReadOnlyList<(PostTarget Target, OutboxPost Post)> posts, CancellationToken cancellationToken)
    {
        var batch = new Batch(LedgerKeys.Partition(workspace));
        batch.Add(new OnceEntity { RowKey = LedgerKeys.Once(claim), Result = "{}" });
        var now = clock.GetUtcNow();
        foreach (var (target, post) in posts) AddOutbox(batch, now, new OutgoingPost(target, post));
        try
        {
            await SubmitAsync(batch, workspace, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 0)
        {
            return false;
        }
    }

    /// <summary>Whether <see cref="PublishOnceAsync"/> already ran for this claim: one point read, before any work.</summary>
    public async Task<bool> IsClaimedAsync(WorkspaceId workspace, string claim, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<OnceEntity>(LedgerKeys.Partition(workspace), LedgerKeys.Once(claim), ["RowKey"], cancellationToken);
        return row.HasValue;
    }

    /// <summary>Every member row of a workspace (one range query over member rows: grows with the members, not the history).</summary>
    public async IAsyncEnumerable<MemberState> QueryMembersAsync(WorkspaceId workspace,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LedgerKeys.Partition(workspace)} and RowKey ge {LedgerKeys.MemberPrefix} and RowKey lt {LedgerKeys.PrefixEnd(LedgerKeys.MemberPrefix)}");
        await foreach (var e in Table.QueryAsync<MemberEntity>(filter, cancellationToken: cancellationToken))
            yield return ToState(e);
    }
}
