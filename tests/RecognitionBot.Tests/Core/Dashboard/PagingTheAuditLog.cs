using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core.Dashboard;

/// <summary>The dashboard's audit log, page by page: pages follow each other without a gap or a repeat, even for rows of one instant.</summary>
public sealed class PagingTheAuditLog : IAsyncLifetime
{
    private readonly CoreHarness _h = new();

    public async Task InitializeAsync()
    {
        // Rows in all three places (ledger, settings, digests), most of them at the same instant.
        for (var i = 0; i < 4; i++) Assert.IsType<AdminDone>(await _h.Say("boss", $"admin reward add \"Reward {i}\" {10 + i}"));
        for (var i = 0; i < 3; i++) Assert.IsType<AdminDone>(await _h.Say("boss", $"admin values add #value{(char)('a' + i)}"));
        Assert.IsType<DigestSubscriptionView>(await _h.Say("boss", "digest on", new ConversationRef("C-floor", ConversationKind.Channel)));
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin allowance 120"));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<AuditLogView> Page(int skip, int count = 3) =>
        Assert.IsType<AuditLogView>(await _h.Do("boss", new AuditLogCommand(count) { Skip = skip }));

    [Fact]
    public async Task PagesCoverTheWholeLogOnceNewestFirst()
    {
        var pages = new[] { await Page(0), await Page(3), await Page(6) };

        Assert.Equal([true, true, false], pages.Select(p => p.More));
        Assert.Equal([0, 3, 6], pages.Select(p => p.Skipped));
        var all = pages.SelectMany(p => p.Entries).ToList();
        Assert.Equal(9, all.Count);
        Assert.Equal(await _h.AuditLog(), all);
        Assert.Equal(RecognitionBot.Core.Audit.AuditAction.Allowance, all[0].Action);
    }

    [Fact]
    public async Task APageBeyondTheEndIsEmpty()
    {
        var page = await Page(30);

        Assert.Empty(page.Entries);
        Assert.False(page.More);
    }

    [Fact]
    public async Task OnlyAdminsReadTheLog() =>
        Assert.Equal(new Refused(Refusal.NotAdmin), await _h.Do("ann", new AuditLogCommand(10) { Skip = 10 }));
}
