using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Digests;

/// <summary>
/// A digest counts and quotes only what its channel could see: kudos given there (or, in Teams, in the team's
/// standard channels), never in a DM, a group DM or another private channel; and it names nobody who chose privacy.
/// </summary>
public sealed class KeepingDigestsPrivate : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FridayFour = new(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);
    private static readonly ConversationRef ChannelA = new("C-a", ConversationKind.Channel);
    private static readonly ConversationRef ChannelB = new("C-b", ConversationKind.Channel);
    private static readonly ConversationRef Dm = new("D-ann", ConversationKind.Direct);
    private static readonly ConversationRef GroupDm = new("G-mpdm", ConversationKind.Group);
    private static readonly ConversationRef Secret = new("C-secret", ConversationKind.PrivateChannel);

    private readonly CoreHarness _h = new(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));

    private DigestPublisher Publisher => _h.Services.GetRequiredService<DigestPublisher>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<WeeklyDigest> DigestFor(ConversationRef where) =>
        Assert.Single(
            (await _h.PendingPosts()).Where(p => p.Target == new ToConversation(where.Id, where.TeamId)).Select(p => p.Post).OfType<DigestPost>()).Digest;

    private async Task GiveAcrossConversations()
    {
        _h.Clock.SetUtcNow(Monday);
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> +10 thanks for the public help", ChannelA));
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@cat> +20 whispered in a DM", Dm));
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@dan> +30 said in a private channel", Secret));
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@eve> +15 said in a group DM", GroupDm));
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@fay> +5 said in another channel", ChannelB));
    }

    [Fact]
    public async Task ADigestInChannelAQuotesNeitherTheDmNorThePrivateChannel()
    {
        Assert.IsType<DigestSubscriptionView>(await _h.Say("boss", "digest on friday 16:00 UTC", ChannelA));
        await GiveAcrossConversations();
        _h.Clock.SetUtcNow(FridayFour);

        Assert.Equal(1, await Publisher.PublishDueAsync(default));

        var digest = await DigestFor(ChannelA);
        Assert.Equal((1, 10, 1), (digest.KudosCount, digest.Points, digest.PeopleRecognised));
        Assert.Equal(["bob"], digest.TopRecipients.Select(r => r.Member.Value));
        Assert.Equal(["thanks for the public help"], digest.Highlights.Select(h => h.Message));
        Assert.Equal(["bob"], digest.FirstTimeRecipients.Select(m => m.Value));
    }

    [Fact]
    public async Task APrivateChannelsOwnDigestCountsWhatWasSaidThere()
    {
        Assert.IsType<DigestSubscriptionView>(await _h.Say("boss", "digest on friday 16:00 UTC", Secret));
        await GiveAcrossConversations();
        _h.Clock.SetUtcNow(FridayFour);

        await Publisher.PublishDueAsync(default);

        var digest = await DigestFor(Secret);
        Assert.Equal((1, 30), (digest.KudosCount, digest.Points));
        Assert.Equal(["said in a private channel"], digest.Highlights.Select(h => h.Message));
    }

    [Fact]
    public async Task ATeamDigestSpansTheTeamsStandardChannelsOnly()
    {
        var general = new ConversationRef("19:general", ConversationKind.Channel, "team-1");
        var shifts = new ConversationRef("19:shifts", ConversationKind.Channel, "team-1");
        var privateOne = new ConversationRef("19:private", ConversationKind.PrivateChannel, "team-1");
        var otherTeam = new ConversationRef("19:elsewhere", ConversationKind.Channel, "team-2");
        Assert.IsType<DigestSubscriptionView>(await _h.Say("boss", "digest on friday 16:00 UTC", general));
        _h.Clock.SetUtcNow(Monday);
        await _h.Say("ann", "<@bob> +10 in the general channel", general);
        await _h.Say("ann", "<@cat> +10 in the shifts channel", shifts);
        await _h.Say("ann", "<@dan> +10 in the private channel", privateOne);
        await _h.Say("ann", "<@eve> +10 in another team", otherTeam);
        await _h.Say("ann", "<@fay> +10 in a personal chat", Dm);
        _h.Clock.SetUtcNow(FridayFour);

        await Publisher.PublishDueAsync(default);

        var digest = await DigestFor(general);
        Assert.Equal(2, digest.KudosCount);
        Assert.Equal(["bob", "cat"], digest.TopRecipients.Select(r => r.Member.Value).Order());
    }

    [Fact]
    public async Task ThePreviewFollowsTheSameRulesAndIsNotOfferedInADm()
    {
        await GiveAcrossConversations();
        _h.Clock.Advance(TimeSpan.FromMinutes(1));

        var preview = Assert.IsType<DigestPreview>(await _h.Say("cat", "digest preview", ChannelA)).Digest;
        var inDm = Assert.IsType<Refused>(await _h.Say("cat", "digest preview", Dm));

        Assert.Equal((1, 10), (preview.KudosCount, preview.Points));
        Assert.DoesNotContain(
            preview.Highlights, h => h.Message.Contains("DM", StringComparison.Ordinal) || h.Message.Contains("private", StringComparison.Ordinal));
        Assert.Equal(Refusal.NotInChannel, inDm.Reason);
    }

    [Fact]
    public async Task SomeoneWhoChosePrivacyAfterwardsIsNotNamedInTheDigestOrLeaderboard()
    {
        Assert.IsType<DigestSubscriptionView>(await _h.Say("boss", "digest on friday 16:00 UTC", ChannelA));
        _h.Clock.SetUtcNow(Monday);
        await _h.Say("ann", "<@bob> +10 thanks for the public help", ChannelA);
        await _h.Say("ann", "<@cat> +5 thanks for the other help", ChannelA);
        Assert.IsType<SettingsView>(await _h.Say("bob", "settings private on", Dm));
        _h.Clock.SetUtcNow(FridayFour);

        await Publisher.PublishDueAsync(default);
        var week = Assert.IsType<LeaderboardView>(await _h.Say("ann", "leaderboard week", ChannelA));
        var all = Assert.IsType<LeaderboardView>(await _h.Say("ann", "leaderboard all", ChannelA));

        var digest = await DigestFor(ChannelA);
        Assert.Equal(2, digest.KudosCount);
        Assert.Equal(["cat"], digest.TopRecipients.Select(r => r.Member.Value));
        Assert.DoesNotContain(digest.Highlights, h => h.Recipients.Contains(new MemberId("bob")));
        Assert.DoesNotContain(digest.FirstTimeRecipients, m => m.Value == "bob");
        Assert.Equal(["cat"], week.Entries.Select(e => e.Member.Value));
        Assert.Equal(["cat"], all.Entries.Select(e => e.Member.Value));
    }

    [Fact]
    public async Task OnlyAdminsSwitchAChannelsDigest()
    {
        Assert.IsType<DigestSubscriptionView>(await _h.Say("boss", "digest on friday 16:00 UTC", ChannelA));
        var before = await _h.AllRows();

        var on = Assert.IsType<Refused>(await _h.Say("ann", "digest on monday 09:00 UTC", ChannelB));
        var off = Assert.IsType<Refused>(await _h.Say("ann", "digest off", ChannelA));

        Assert.Equal((Refusal.DigestAdminsOnly, Refusal.DigestAdminsOnly), (on.Reason, off.Reason));
        Assert.Equal(before, await _h.AllRows());
    }
}
