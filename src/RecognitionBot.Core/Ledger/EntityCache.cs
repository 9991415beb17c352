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

    // Counted here: ConcurrentDictionary.Count takes every lock, and every kudos puts rows (bench/run.sh slack).
    private int _count;

    public T? Get<T>(string partition, string row) where T : LedgerEntity =>
        _rows.TryGetValue((partition, row), out var hit) && hit is T typed ? (T)typed.Copy() : null;

    public void Put(LedgerEntity entity)
    {
        // Crude but bounded: a full cache starts over rather than tracking recency on the hot path.
        if (Volatile.Read(ref _count) >= capacity)
        {
            _rows.Clear();
            Volatile.Write(ref _count, 0);
        }
        var key = (entity.PartitionKey, entity.RowKey);
        var copy = entity.Copy();
        if (_rows.TryAdd(key, copy)) Interlocked.Increment(ref _count);
        else _rows[key] = copy;
    }

    public void Forget(string partition, string row)
    {
        if (_rows.TryRemove((partition, row), out _)) Interlocked.Decrement(ref _count);
    }
}
