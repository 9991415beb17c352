using System.Collections.Concurrent;

namespace RecognitionBot.Core.Ledger;

/// <summary>
/// Rows this instance last wrote or read, with their ETags. Safe to be stale: a write always carries the ETag it
/// was based on, so a row changed elsewhere fails the transaction with 412 and the operation reloads from storage.
/// Only for the kudos path, whose checks (allowance used, points given today) only grow: a stale row can make an
/// attempt optimistic, never wrongly refused, and a refusal is always confirmed against fresh rows.
/// </summary>
internal sealed class EntityCache(int capacity = 100_000)
{
    private readonly ConcurrentDictionary<(string, string), LedgerEntity> _rows = new();

    public T? Get<T>(string partition, string row) where T : LedgerEntity =>
        _rows.TryGetValue((partition, row), out var hit) && hit is T typed ? (T)typed.Copy() : null;

    public void Put(LedgerEntity entity)
    {
        // Crude but bounded: a full cache starts over rather than tracking recency on the hot path.
        if (_rows.Count >= capacity) _rows.Clear();
        _rows[(entity.PartitionKey, entity.RowKey)] = entity.Copy();
    }

    public void Forget(string partition, string row) => _rows.TryRemove((partition, row), out _);
}
