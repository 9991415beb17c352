using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core;

/// <summary>
/// Changes that post to more people than one storage transaction holds rows for (100): they commit, and every post
/// is written exactly once, also when the writer stops before it wrote the rest and two instances take over at once.
/// </summary>
public sealed class SplittingLargeChanges : IAsyncLifetime
{
    private readonly CoreHarness _core = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private static List<(PostTarget Target, OutboxPost Post)> GapNotes(int managers) =>
        Enumerable.Range(0, managers)
            .Select(i => ((PostTarget)new ToMember(new MemberId($"M{i:D3}")),
                (OutboxPost)new RecognitionGapsPost("C-general", [new MemberId("ann"), new MemberId("bob")], 4) { Locale = i % 2 == 0 ? "en" : "sv" }))
            .ToList();

    private static string Recipient(OutboxItem item) => ((ToMember)item.Target).Member.Value;

    [Fact]
    public async Task ADigestWithGapNotesFor250ManagersCommitsOnceWithEveryNote()
    {
        var notes = GapNotes(250);

        var first = await _core.Ledger.PublishOnceAsync(CoreHarness.Workspace, "digest|C-general|2026-W47", notes, CancellationToken.None);
        var again = await _core.Ledger.PublishOnceAsync(CoreHarness.Workspace, "digest|C-general|2026-W47", notes, CancellationToken.None);

        Assert.True(first);
        Assert.False(again);
        var pending = await _core.PendingPosts();
        Assert.Equal(notes.Select(n => ((ToMember)n.Target).Member.Value).Order(), pending.Select(Recipient).Order());
        Assert.All(pending, p => Assert.Equal(
            notes.Single(n => ((ToMember)n.Target).Member.Value == Recipient(p)).Post.Locale,
            Assert.IsType<RecognitionGapsPost>(p.Post).Locale));
        Assert.All(pending, p => Assert.Equal(["ann", "bob"], ((RecognitionGapsPost)p.Post).Members.Select(m => m.Value)));
        Assert.DoesNotContain(StorageSnapshot.RowKeys(await _core.Snapshot()), k => k.StartsWith(OutboxFanOut.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostsAWriterLeftBehindAreWrittenOnceWhenTwoInstancesSweepAtOnce()
    {
        // What a writer leaves when it stops right after its change committed: the marker, due for any sweep.
        var partition = LedgerKeys.Partition(CoreHarness.Workspace);
        var now = _core.Clock.GetUtcNow();
        var rows = GapNotes(230).Select(n => new OutboxEntity
        {
            RowKey = LedgerKeys.Outbox(now, LedgerKeys.NewId()),
            Target = JsonSerializer.Serialize(n.Target, Json.Options),
            Post = JsonSerializer.Serialize(n.Post, Json.Options),
        });
        var marker = Assert.Single(OutboxFanOut.Markers(partition, rows, now, due: now + OutboxStore.WriterLease));
        await _core.Tables.Ledger.AddEntityAsync(marker);
        Assert.Empty(await _core.DuePosts());

        _core.Clock.Advance(OutboxStore.WriterLease);
        var other = _core.SecondServices().GetRequiredService<OutboxStore>();
        var swept = await Task.WhenAll(
            _core.Outbox.ListDueAsync(CoreHarness.Workspace, 1000, CancellationToken.None),
            other.ListDueAsync(CoreHarness.Workspace, 1000, CancellationToken.None));

        var pending = await _core.PendingPosts();
        Assert.Equal(Enumerable.Range(0, 230).Select(i => $"M{i:D3}"), pending.Select(Recipient).Order());
        Assert.Equal(230, pending.Select(p => p.Key).Distinct().Count());
        Assert.DoesNotContain(StorageSnapshot.RowKeys(await _core.Snapshot()), k => k.StartsWith(OutboxFanOut.Prefix, StringComparison.Ordinal));
        // The instance that expanded last sees every row due; neither sees one twice.
        Assert.All(swept, s => Assert.Equal(s.Count, s.Select(p => p.Key).Distinct().Count()));
        Assert.Contains(swept, s => s.Count == 230);
    }

    [Fact]
    public async Task ARedemptionRoutedTo150ApproversCommitsWithACardForEach()
    {
        var approvers = Enumerable.Range(0, 150).Select(i => $"ap{i:D3}").ToList();
        foreach (var a in approvers) _core.Directory.Add(a);
        await _core.Configure(s => s with { Approvers = approvers.Select(a => new MemberId(a)).ToList() });
        await _core.Say("boss", "admin reward add \"Extra break\" 20");
        await _core.Say("ann", "<@bob> +30 for the whole week of cover");

        var result = await _core.Say("bob", "redeem Extra break");

        Assert.IsType<RedemptionView>(result);
        Assert.Equal(20, (await _core.Member("bob")).Balance.Held);
        var cards = (await _core.PendingPosts()).Where(p => p.Post is ApprovalRequestPost).ToList();
        Assert.Equal(approvers, cards.Select(Recipient).Order());
    }
}
