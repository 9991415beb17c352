using Azure.Data.Tables;

namespace RecognitionBot.Core.Ledger;

/// <summary>
/// One entity group transaction under construction. Rows read before are written back only if nobody changed
/// them since (their ETag); rows that did not exist are added, so a concurrent creator makes the batch fail too.
/// </summary>
internal sealed class Batch(string partition)
{
    private readonly List<TableTransactionAction> _actions = [];

    public int Count => _actions.Count;

    public IReadOnlyList<TableTransactionAction> Actions => _actions;

    /// <summary>The outbox rows among the actions (by index), with what they post, for the writer to post at once.</summary>
    public List<(int Index, Outbox.PostTarget Target, Outbox.OutboxPost Post)> Posts { get; } = [];

    /// <summary>Adds a row that must not exist yet (idempotency markers, new kudos, movements).</summary>
    public int Add(LedgerEntity entity)
    {
        entity.PartitionKey = partition;
        _actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
        return _actions.Count - 1;
    }

    /// <summary>Adds the audit row of the change this transaction makes.</summary>
    public void Audit(Audit.AuditEntry entry) => Add(Core.Audit.AuditEntity.From(entry, partition, ""));

    /// <summary>Writes back a row read earlier: conditional on its ETag, or an add when it was not there.</summary>
    public void Put(LedgerEntity entity, bool existed)
    {
        entity.PartitionKey = partition;
        _actions.Add(existed
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, entity));
    }
}
