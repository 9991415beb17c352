using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Conversations;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core;

public sealed class RememberingConversations : IAsyncLifetime
{
    private readonly CoreHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task KeepsTheLatestReferenceUnderAnyKeyIncludingPlatformCharacters()
    {
        var directory = _h.Services.GetRequiredService<ConversationDirectory>();
        const string key = "19:abc/def#x?y@thread.tacv2";

        await directory.SaveAsync(CoreHarness.Workspace, key, "{\"v\":1}", default);
        await directory.SaveAsync(CoreHarness.Workspace, key, "{\"v\":2}", default);

        Assert.Equal("{\"v\":2}", await directory.FindAsync(CoreHarness.Workspace, key, default));
        Assert.Null(await directory.FindAsync(CoreHarness.Workspace, "someone-else", default));
        await directory.DeleteAsync(CoreHarness.Workspace, key, default);
        Assert.Null(await directory.FindAsync(CoreHarness.Workspace, key, default));
    }
}
