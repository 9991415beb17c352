using Microsoft.Extensions.Options;
using RecognitionBot.Core.Conversations;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// A conversation's record is changed only on top of what is stored: two instances that both remember it as
/// "not welcomed yet" cannot both claim the welcome (Teams sends two install events at once, maybe to two instances).
/// </summary>
public sealed class RememberingConversations
{
    private static readonly WorkspaceId Workspace = new(Platform.Teams, "tenant-1");
    private readonly TableStore _tables = new(
        Options.Create(new StorageOptions { ConnectionString = Azurite.ConnectionString, TablePrefix = Azurite.UniquePrefix("conv") }));

    private TeamsReferences Instance() => new(new ConversationDirectory(_tables));

    private static TeamsConversation Channel(bool welcomed = false) =>
        new("https://smba.example/", "19:general", "channel", "tenant-1", "team-1", "General", welcomed);

    [Fact]
    public async Task OnlyOneInstanceClaimsTheWelcomeEvenWhenBothRememberItUnwelcomed()
    {
        await _tables.CreateTablesAsync(default);
        var (a, b) = (Instance(), Instance());
        await a.UpdateConversationAsync(Workspace, "19:general", _ => Channel(), default);
        // Both instances now hold the record, not welcomed, in memory.
        Assert.False((await b.UpdateConversationAsync(Workspace, "19:general", c => c, default))!.Welcomed);

        var won = await Task.WhenAll(ClaimWelcomeAsync(a), ClaimWelcomeAsync(b));

        Assert.Equal(1, won.Count(w => w));
        Assert.True((await Instance().FindConversationAsync(Workspace, "19:general", default))!.Welcomed);
    }

    /// <summary>As TeamsBot's welcome does it: the last answer of the change decides whether this instance posts the card.</summary>
    private static async Task<bool> ClaimWelcomeAsync(TeamsReferences references)
    {
        TeamsConversation? claimed = null;
        await references.UpdateConversationAsync(Workspace, "19:general", c =>
        {
            claimed = null;
            if (c is null || c.Welcomed) return null;
            claimed = c;
            return c with { Welcomed = true };
        }, default);
        return claimed is not null;
    }

    [Fact]
    public async Task AStaleCopyIsNotWrittenBackOverANewerRecord()
    {
        await _tables.CreateTablesAsync(default);
        var (a, b) = (Instance(), Instance());
        await a.UpdateConversationAsync(Workspace, "19:general", _ => Channel(), default);
        await b.UpdateConversationAsync(Workspace, "19:general", c => c, default);

        await a.UpdateConversationAsync(Workspace, "19:general", c => c! with { Welcomed = true }, default);
        // b renames the channel from its old copy: the welcome a recorded must survive.
        var renamed = await b.UpdateConversationAsync(Workspace, "19:general", c => c! with { Name = "Floor" }, default);

        Assert.Equal(("Floor", true), (renamed!.Name, renamed.Welcomed));
        var stored = await Instance().FindConversationAsync(Workspace, "19:general", default);
        Assert.Equal(("Floor", true), (stored!.Name, stored.Welcomed));
    }
}
