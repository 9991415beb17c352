using System.Threading.Channels;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Outbox;

/// <summary>Wakes the dispatcher as soon as a transaction wrote outbox rows, so posts follow at once.</summary>
public interface IOutboxSignal
{
    void Notify(WorkspaceId workspace);
}

/// <summary>An in-process signal. Rows are safe in storage whatever happens to it; the dispatcher also sweeps.</summary>
public sealed class OutboxSignal : IOutboxSignal
{
    private readonly Channel<WorkspaceId> _channel = Channel.CreateBounded<WorkspaceId>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Notify(WorkspaceId workspace) => _channel.Writer.TryWrite(workspace);

    public ChannelReader<WorkspaceId> Reader => _channel.Reader;
}
