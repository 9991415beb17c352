using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Slack;
using RecognitionBot.Teams;

namespace RecognitionBot.Tests.Hosting;

/// <summary>
/// The adapters take what they render from the core's answer (result and reader), never from the core's stores:
/// a new surface then costs a renderer, not another copy of the settings reads.
/// </summary>
public sealed class AdaptersHoldNoStores
{
    private static readonly Type[] Stores = [typeof(WorkspaceStore), typeof(TableLedger), typeof(ILedger), typeof(TableStore)];

    [Theory]
    [InlineData(typeof(SlackKudosCommands))]
    [InlineData(typeof(SlackKudosInteractions))]
    [InlineData(typeof(SlackOutboxSender))]
    [InlineData(typeof(TeamsBot))]
    [InlineData(typeof(TeamsOutboxSender))]
    public void TheAdapterIsBuiltWithoutAStore(Type adapter)
    {
        var held = adapter.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType).Where(Stores.Contains);

        Assert.Empty(held);
    }
}
