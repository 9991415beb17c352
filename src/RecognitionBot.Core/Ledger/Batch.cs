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

    /// <summary>
    /// Moves the outbox rows that would take the transaction past storage's 100 operations into fan-out markers
    /// (<see cref="Outbox.OutboxFanOut"/>), keeping every other row and as many posts as fit. Returns the markers,
    /// now part of the transaction; none when everything fits.
    /// </summary>
    public List<TableEntity> SpillPosts(DateTimeOffset now, DateTimeOffset due)
    {
        const int max = Outbox.OutboxFanOut.MaxRowsPerTransaction;
        if (_actions.Count <= max) return [];
        var others = _actions.Count - Posts.Count;
        List<TableEntity> markers = [];
        for (var slots = 1; ; slots = markers.Count)
        {
            var keep = max - others - slots;
            if (keep < 0) throw new InvalidOperationException($"A change of {others} ledger rows does not fit into one transaction.");
            markers = Outbox.OutboxFanOut.Markers(partition, Posts.Skip(keep).Select(p => (OutboxEntity)_actions[p.Index].Entity), now, due);
            if (markers.Count <= slots) break;
        }
        var kept = max - others - markers.Count;
        var spilled = Posts.Skip(kept).Select(p => p.Index).ToHashSet();
        var keptPosts = Posts.Take(kept).ToDictionary(p => p.Index);
        var actions = new List<TableTransactionAction>(max);
        Posts.Clear();
        for (var i = 0; i < _actions.Count; i++)
        {
            if (spilled.Contains(i)) continue;
            if (keptPosts.TryGetValue(i, out var post)) Posts.Add((actions.Count, post.Target, post.Post));
            actions.Add(_actions[i]);
        }
        actions.AddRange(markers.Select(m => new TableTransactionAction(TableTransactionActionType.Add, m)));
        _actions.Clear();
        _actions.AddRange(actions);
        return markers;
    }

    /// <summary>Adds the audit row of the change this transaction makes.</summary>
    public void Audit(Audit.AuditEntry entry) => Add(Core.Audit.AuditEntity.From(entry, partition, ""));

    /// <summary>Deletes a row read earlier, only if nobody changed it since (an outbox row a dispatcher has not claimed).</summary>
    public void Delete(LedgerEntity entity)
    {
        entity.PartitionKey = partition;
        _actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, entity.ETag));
    }

    /// <summary>Writes back a row read earlier: conditional on its ETag, or an add when it was not there.</summary>
    public void Put(LedgerEntity entity, bool existed)
    {
        entity.PartitionKey = partition;
        _actions.Add(existed
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, entity));
    }
}
