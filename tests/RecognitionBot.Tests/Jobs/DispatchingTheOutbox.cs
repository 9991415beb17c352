using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Jobs;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Jobs;

public sealed class DispatchingTheOutbox : IAsyncLifetime
{
    private readonly CoreHarness _h = new();
    private readonly RecordingSender _sender = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <param name="signal">Another instance's signal (it knows nothing of the rows this one wrote); default: this instance's.</param>
    private OutboxDispatcher Dispatcher(IOutboxSender? sender = null, OutboxSignal? signal = null) => new(
        signal ?? _h.Services.GetRequiredService<OutboxSignal>(), _h.Outbox, _h.Services.GetRequiredService<PostedPosts>(), _h.Workspaces, _h.Services.GetRequiredService<UndeliveredPosts>(), [sender ?? _sender],
        new RecognitionBot.Observability.RecognitionMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
        Options.Create(new OutboxOptions()), _h.Clock, NullLogger<OutboxDispatcher>.Instance);

    [Fact]
    public async Task PostsTheCelebrationAndDirectMessagesThenForgetsThem()
    {
        await _h.Say("ann", "<@bob> <@cat> +5 thanks team");

        var posted = await Dispatcher().DrainAsync(CoreHarness.Workspace, default);

        Assert.Equal(3, posted);
        Assert.Single(_sender.Sent, p => p.Post is CelebrationPost);
        Assert.Equal(2, _sender.Sent.Count(p => p.Post is KudosReceivedPost));
        Assert.Empty(await _h.PendingPosts());
    }

    [Fact]
    public async Task RetriesAFailedPostLaterHonouringRetryAfterAndNeverDropsIt()
    {
        await _h.Say("ann", "<@bob> +5 thanks --private");
        _sender.FailNext(1, TimeSpan.FromSeconds(30));
        var dispatcher = Dispatcher();

        Assert.Equal(0, await dispatcher.DrainAsync(CoreHarness.Workspace, default));
        Assert.Single(await _h.PendingPosts()); // kept...
        Assert.Empty(await _h.DuePosts()); // ...waiting out Retry-After
        _h.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await dispatcher.DrainAsync(CoreHarness.Workspace, default));
        _h.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(1, await dispatcher.DrainAsync(CoreHarness.Workspace, default));
        Assert.Equal(2, _sender.Attempts);
    }

    [Fact]
    public async Task RemembersWhereApprovalCardsWentSoDecisionsUpdateThem()
    {
        await _h.Configure(s => s with { Approvers = [new MemberId("max")] });
        await _h.Say("boss", "admin reward add \"Coffee\" 5");
        await _h.Say("ann", "<@bob> +10 thanks");
        var id = Assert.IsType<RedemptionView>(await _h.Say("bob", "redeem coffee")).Redemption.Id;
        await Dispatcher().DrainAsync(CoreHarness.Workspace, default);

        await _h.Do("max", new DecideRedemptionCommand(id, true, null));
        await Dispatcher().DrainAsync(CoreHarness.Workspace, default);

        var card = Assert.Single(_sender.Sent, p => p.Post is ApprovalRequestPost);
        var receipt = _sender.Receipts[card.Key];
        var update = Assert.Single(_sender.Sent, p => p.Post is ApprovalUpdatePost);
        Assert.Equal(new ToExistingMessage(new RecognitionBot.Core.Rewards.PostedMessage("D-max", receipt.MessageId, "en")), update.Target);
    }

    [Fact]
    public async Task TheWriterPostsItsNewRowsAtOnceWithoutListingThem()
    {
        await _h.Say("ann", "<@bob> +5 thanks --private");
        var another = new RecordingSender();

        // Another instance's sweep finds nothing due: the new row is its writer's for a while.
        Assert.Equal(0, await Dispatcher(another, new OutboxSignal()).DrainAsync(CoreHarness.Workspace, default));
        Assert.Single(await _h.PendingPosts());
        Assert.Equal(1, await Dispatcher().DrainAsync(CoreHarness.Workspace, default));

        Assert.Empty(another.Sent);
        Assert.Single(_sender.Sent);
        Assert.Empty(await _h.PendingPosts());
    }

    [Fact]
    public async Task RowsOfAWriterThatStoppedFallDueAfterItsLease()
    {
        await _h.Say("ann", "<@bob> +5 thanks --private");
        var survivor = new RecordingSender();

        _h.Clock.Advance(OutboxStore.WriterLease);
        Assert.Equal(1, await Dispatcher(survivor, new OutboxSignal()).DrainAsync(CoreHarness.Workspace, default));
        // The writer comes back late: the row is gone and its own copy too close to its lease end to post.
        Assert.Equal(0, await Dispatcher().DrainAsync(CoreHarness.Workspace, default));

        Assert.Single(survivor.Sent);
        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task TwoDispatchersNeverPostTheSameRowTwice()
    {
        for (var i = 0; i < 10; i++) await _h.Say("ann", $"<@{(i % 2 == 0 ? "bob" : "cat")}> +1 thanks {i} --private");
        var slow = new RecordingSender(TimeSpan.FromMilliseconds(20));

        // Two dispatchers of the writing instance share its new rows...
        await Task.WhenAll(Dispatcher(slow).DrainAsync(CoreHarness.Workspace, default), Dispatcher(slow).DrainAsync(CoreHarness.Workspace, default));

        Assert.Equal(10, slow.Sent.Count);
        Assert.Equal(10, slow.Sent.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public async Task TwoInstancesSweepingRowsThatFellDueNeverPostOneTwice()
    {
        for (var i = 0; i < 10; i++) await _h.Say("ann", $"<@{(i % 2 == 0 ? "bob" : "cat")}> +1 thanks {i} --private");
        var slow = new RecordingSender(TimeSpan.FromMilliseconds(20));
        _h.Clock.Advance(OutboxStore.WriterLease);

        // ...and instances that did not write them race for them through claims.
        await Task.WhenAll(
            Dispatcher(slow, new OutboxSignal()).DrainAsync(CoreHarness.Workspace, default),
            Dispatcher(slow, new OutboxSignal()).DrainAsync(CoreHarness.Workspace, default));

        Assert.Equal(10, slow.Sent.Count);
        Assert.Equal(10, slow.Sent.Select(s => s.Key).Distinct().Count());
        Assert.Empty(await _h.PendingPosts());
    }

    private sealed class RecordingSender(TimeSpan? delay = null) : IOutboxSender
    {
        private int _failures;
        private TimeSpan _retryAfter;
        private int _messages;

        public ConcurrentQueue<OutboxItem> Sent { get; } = new();
        public ConcurrentDictionary<string, PostReceipt> Receipts { get; } = new();
        public int Attempts;

        public Platform Platform => Platform.Slack;

        public void FailNext(int times, TimeSpan retryAfter) => (_failures, _retryAfter) = (times, retryAfter);

        public async Task<PostReceipt?> SendAsync(OutboxItem item, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Attempts);
            if (delay is { } d) await Task.Delay(d, cancellationToken);
            if (Interlocked.Decrement(ref _failures) >= 0) throw new PostFailedException("429 from the platform", _retryAfter);
            Sent.Enqueue(item);
            var target = item.Target is ToMember m ? $"D-{m.Member.Value}" : "C";
            return Receipts[item.Key] = new PostReceipt(target, $"msg-{Interlocked.Increment(ref _messages)}");
        }
    }
}
