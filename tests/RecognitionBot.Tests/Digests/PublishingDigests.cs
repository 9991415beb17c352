using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Digests;

/// <summary>Digests against Azurite with a fake clock: on time, once, caught up after downtime, with gaps.</summary>
public sealed class PublishingDigests : IAsyncLifetime
{
    private static readonly ConversationRef Team = new("C-team", ConversationKind.Channel);
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FridayFour = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero); // 16:00 in Rome

    private readonly Roster _roster = new();
    private readonly CoreHarness _h;

    public PublishingDigests() => _h = new CoreHarness(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), s => s.AddSingleton<IChannelRoster>(_roster));

    private DigestPublisher Publisher => _h.Services.GetRequiredService<DigestPublisher>();

    public async Task InitializeAsync()
    {
        Assert.IsType<DigestSubscriptionView>(await _h.Say("boss", "digest on friday 16:00 Europe/Rome", Team));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<IReadOnlyList<DigestPost>> Digests() =>
        (await _h.PendingPosts()).Select(p => p.Post).OfType<DigestPost>().ToList();

    [Fact]
    public async Task PostsOnceAtTheLocalTimeWithTheWeeksFigures()
    {
        _h.Clock.SetUtcNow(Monday);
        await _h.Say("ann", "<@bob> +10 handled the outage calls #ownership", Team);
        await _h.Say("cat", "<@bob> <@dan> +5 covered lunch #teamwork", Team);
        _h.Clock.SetUtcNow(FridayFour.AddMinutes(-1));
        Assert.Equal(0, await Publisher.PublishDueAsync(default));

        _h.Clock.SetUtcNow(FridayFour);
        Assert.Equal(1, await Publisher.PublishDueAsync(default));
        Assert.Equal(0, await Publisher.PublishDueAsync(default));
        _h.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await Publisher.PublishDueAsync(default));

        var digest = Assert.Single(await Digests()).Digest;
        Assert.Equal((2, 20, 2), (digest.KudosCount, digest.Points, digest.PeopleRecognised));
        Assert.Equal(["bob", "dan"], digest.TopRecipients.Select(r => r.Member.Value));
        Assert.Equal(new DigestRecipient(new MemberId("bob"), 2, 15), digest.TopRecipients[0]);
        Assert.Equal(["#ownership", "#teamwork"], digest.TopValues.Select(v => v.Key).Order());
        Assert.Equal(2, digest.Highlights.Count);
        Assert.Equal(["bob", "dan"], digest.FirstTimeRecipients.Select(m => m.Value).Order());
        Assert.Equal("2026-W48", digest.Week);
    }

    [Fact]
    public async Task TwoSchedulersRacingPostExactlyOnce()
    {
        var other = new CoreHarnessTwin(_h, _roster);
        _h.Clock.SetUtcNow(FridayFour.AddSeconds(30));

        var counts = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? Publisher : other.Publisher).PublishDueAsync(default))));

        Assert.Equal(1, counts.Sum());
        Assert.Single(await Digests());
    }

    [Fact]
    public async Task CatchesUpAfterDowntimeWithinTheSameWeekOnly()
    {
        _h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 20, 0, 0, TimeSpan.Zero)); // Sunday evening, still week 48 in Rome
        Assert.Equal(1, await Publisher.PublishDueAsync(default));

        _h.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)); // down all of week 49, back on Monday of week 50
        Assert.Equal(0, await Publisher.PublishDueAsync(default));
        Assert.Single(await Digests());
    }

    [Fact]
    public async Task AnEmptyWeekStillGetsAPostThatSaysSo()
    {
        _h.Clock.SetUtcNow(FridayFour);
        await Publisher.PublishDueAsync(default);

        Assert.True(Assert.Single(await Digests()).Digest.IsEmpty);
    }

    [Fact]
    public async Task PrivateKudosCountButAreNeverNamed()
    {
        _h.Clock.SetUtcNow(Monday);
        await _h.Say("ann", "<@eve> +30 thanks for the quiet help --private", Team);
        await _h.Say("ann", "<@fay> +5 thanks for the loud help", Team);
        _h.Clock.SetUtcNow(FridayFour);
        await Publisher.PublishDueAsync(default);

        var digest = Assert.Single(await Digests()).Digest;
        Assert.Equal((2, 35), (digest.KudosCount, digest.Points));
        Assert.DoesNotContain(digest.TopRecipients, r => r.Member.Value == "eve");
        Assert.DoesNotContain(digest.Highlights, h => h.Recipients.Any(r => r.Value == "eve"));
        Assert.DoesNotContain(digest.FirstTimeRecipients, m => m.Value == "eve");
    }

    [Fact]
    public async Task KudosFromTheWeekBeforeAreNotCounted()
    {
        _h.Clock.SetUtcNow(FridayFour.AddDays(-7).AddMinutes(-5)); // just before last week's digest
        await _h.Say("ann", "<@bob> +10 last week's work", Team);
        _h.Clock.SetUtcNow(FridayFour.AddDays(-7).AddMinutes(5)); // just after it: belongs to this week's digest
        await _h.Say("ann", "<@cat> +10 this week's work", Team);
        _h.Clock.SetUtcNow(FridayFour);
        await Publisher.PublishDueAsync(default);

        var digest = Assert.Single(await Digests()).Digest;
        Assert.Equal(["cat"], digest.TopRecipients.Select(r => r.Member.Value));
    }

    [Fact]
    public async Task ManagersAndApproversGetTheChannelsRecognitionGaps()
    {
        _roster.Members = ["bob", "cat", "dan", "eve"];
        await _h.Configure(s => s with { Approvers = [new MemberId("max")] });
        await _h.Say("boss", "admin role manager <@kim>", Team);
        _h.Clock.SetUtcNow(Monday.AddDays(-35));
        await _h.Say("ann", "<@cat> +10 five weeks ago", Team);
        _h.Clock.SetUtcNow(Monday.AddDays(-20));
        await _h.Say("ann", "<@dan> +10 three weeks ago", Team);
        _h.Clock.SetUtcNow(FridayFour);

        await Publisher.PublishDueAsync(default);

        var notes = (await _h.PendingPosts()).Where(p => p.Post is RecognitionGapsPost).ToList();
        Assert.Equal(["kim", "max"], notes.Select(n => ((ToMember)n.Target).Member.Value).Order());
        var gaps = (RecognitionGapsPost)notes[0].Post;
        Assert.Equal(["bob", "cat", "eve"], gaps.Members.Select(m => m.Value).Order());
        Assert.Equal(("C-team", 4), (gaps.ConversationId, gaps.Weeks));
    }

    [Fact]
    public async Task EveryDueChannelOfAWorkspaceGetsItsDigestAndGapsInOneRound()
    {
        _roster.Members = ["bob", "cat"];
        await _h.Configure(s => s with { Approvers = [new MemberId("max")] });
        var floor = new ConversationRef("C-floor", ConversationKind.Channel);
        Assert.IsType<DigestSubscriptionView>(await _h.Say("boss", "digest on friday 16:00 Europe/Rome", floor));
        _h.Clock.SetUtcNow(Monday);
        await _h.Say("ann", "<@bob> +10 thanks", Team);
        _h.Clock.SetUtcNow(FridayFour);

        Assert.Equal(2, await Publisher.PublishDueAsync(default));

        var posts = await _h.PendingPosts();
        Assert.Equal(["C-floor", "C-team"], posts.Where(p => p.Post is DigestPost).Select(p => ((ToConversation)p.Target).ConversationId).Order());
        var gaps = posts.Select(p => p.Post).OfType<RecognitionGapsPost>().ToList();
        Assert.Equal(["C-floor", "C-team"], gaps.Select(g => g.ConversationId).Order());
        Assert.All(gaps, g => Assert.Equal(["cat"], g.Members.Select(m => m.Value)));
    }

    [Fact]
    public async Task ThePreviewShowsTheLastSevenDaysOnlyToTheAsker()
    {
        _h.Clock.SetUtcNow(Monday);
        await _h.Say("ann", "<@bob> +10 handled the outage calls", Team);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));

        var preview = Assert.IsType<DigestPreview>(await _h.Say("cat", "digest now", Team));

        Assert.Equal(1, preview.Digest.KudosCount);
        Assert.DoesNotContain(await _h.PendingPosts(), p => p.Post is DigestPost);
    }

    [Fact]
    public async Task UnsubscribedChannelsGetNothing()
    {
        Assert.IsType<DigestSubscriptionView>(await _h.Say("boss", "digest off", Team));
        _h.Clock.SetUtcNow(FridayFour);

        Assert.Equal(0, await Publisher.PublishDueAsync(default));
    }

    private sealed class Roster : IChannelRoster
    {
        public string[] Members { get; set; } = [];

        public Platform Platform => Platform.Slack;

        public Task<IReadOnlyList<MemberId>> MembersAsync(WorkspaceId workspace, ConversationRef conversation, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<MemberId>>(Members.Select(m => new MemberId(m)).ToList());
    }

    /// <summary>A second instance's publisher on the same tables and clock.</summary>
    private sealed class CoreHarnessTwin(CoreHarness h, IChannelRoster roster)
    {
        public DigestPublisher Publisher { get; } = h.SecondServices(s => s.AddSingleton(roster)).GetRequiredService<DigestPublisher>();
    }
}
