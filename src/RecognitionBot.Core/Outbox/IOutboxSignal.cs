using System.Collections.Concurrent;
using System.Threading.Channels;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Outbox;

/// <summary>Wakes the dispatcher as soon as a transaction wrote outbox rows, and hands it those rows, so posts follow at once.</summary>
public interface IOutboxSignal
{
    /// <summary>Rows just committed in <paramref name="workspace"/>, still leased to this instance (<see cref="OutboxStore.WriterLease"/>).</summary>
    void Notify(WorkspaceId workspace, IReadOnlyList<OutboxItem> written);

    /// <summary>Rows in <paramref name="workspace"/> fell due now (an admin retried parked posts): sweep it without waiting for the next round.</summary>
    void Wake(WorkspaceId workspace);
}

/// <summary>
/// An in-process signal carrying the rows this instance just wrote. Rows are safe in storage whatever happens to
/// it: one it drops (a full queue, a crash) falls due when its writer's lease ends and the dispatcher's sweep posts it.
/// </summary>
public sealed class OutboxSignal : IOutboxSignal
{
    /// <summary>Rows held per workspace at most; beyond that they wait for the sweep (a dispatcher that cannot keep up).</summary>
    public const int MaxHeld = 10_000;

    private readonly Channel<WorkspaceId> _channel = Channel.CreateBounded<WorkspaceId>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly ConcurrentDictionary<WorkspaceId, Held> _written = new();

    public void Notify(WorkspaceId workspace, IReadOnlyList<OutboxItem> written)
    {
        var held = _written.GetOrAdd(workspace, _ => new Held());
        foreach (var item in written)
        {
            if (Interlocked.Increment(ref held.Count) > MaxHeld)
            {
                Interlocked.Decrement(ref held.Count);
                break;
            }
            held.Items.Enqueue(item);
        }
        _channel.Writer.TryWrite(workspace);
    }

    public void Wake(WorkspaceId workspace)
    {
        _written.GetOrAdd(workspace, _ => new Held()).SweepRequested = true;
        _channel.Writer.TryWrite(workspace);
    }

    /// <summary>Whether someone asked for <paramref name="workspace"/> to be swept since the last call (the request is taken).</summary>
    public bool TakeSweepRequest(WorkspaceId workspace) =>
        _written.TryGetValue(workspace, out var held) && Interlocked.Exchange(ref held.SweepRequested, false);

    /// <summary>Every row still held, of every workspace: what a stopping instance hands back.</summary>
    public IReadOnlyList<OutboxItem> TakeAll() => [.. _written.Keys.SelectMany(w => Take(w, int.MaxValue))];

    /// <summary>Workspaces with new rows, in the order they were written.</summary>
    public ChannelReader<WorkspaceId> Reader => _channel.Reader;

    /// <summary>Takes up to <paramref name="max"/> of the rows written in <paramref name="workspace"/>; each is taken once.</summary>
    public IReadOnlyList<OutboxItem> Take(WorkspaceId workspace, int max)
    {
        if (!_written.TryGetValue(workspace, out var held)) return [];
        var taken = new List<OutboxItem>();
        while (taken.Count < max && held.Items.TryDequeue(out var item))
        {
            Interlocked.Decrement(ref held.Count);
            taken.Add(item);
        }
        return taken;
    }

    private sealed class Held
    {
        public readonly ConcurrentQueue<OutboxItem> Items = new();
        public int Count;
        public bool SweepRequested;
    }
}
