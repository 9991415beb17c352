using System.Collections.Concurrent;
using System.Threading.Channels;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Outbox;

/// <summary>Wakes the dispatcher as soon as a transaction wrote outbox rows, and hands it those rows, so posts follow at once.</summary>
public interface IOutboxSignal
{
    /// <summary>Rows just committed in <paramref name="workspace"/>, still leased to this instance (<see cref="OutboxStore.WriterLease"/>).</summary>
    void Notify(WorkspaceId workspace, IReadOnlyList<OutboxItem> written);
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
    }
}
