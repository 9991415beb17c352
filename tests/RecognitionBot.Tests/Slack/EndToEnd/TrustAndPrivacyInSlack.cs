using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Views;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// Through signed slash commands: admin changes name only members and never loop, a self-mapped manager's
/// requests go to the other approvers, every admin change is in <c>admin log</c>, and a channel's digest quotes
/// nothing said in a DM, a group DM or a private channel. Refusals leave every row of the workspace as it was.
/// </summary>
public sealed class TrustAndPrivacyInSlack : IAsyncLifetime
{
    private const string Admin = "U0009";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync() =>
        _app = await SlackAppDriver.StartAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ADigestInChannelAQuotesNeitherTheDmNorThePrivateChannel()
    {
        _app.Slack.ChannelMembers[Channel] = ["U0001", "U0002", "U0006"];
        var due = _clock.GetUtcNow().AddMinutes(1);
        Assert.Contains("weekly kudos digest", Said(await _app.CommandAsync(Admin, $"digest on {due.DayOfWeek.ToString().ToLowerInvariant()} {due:HH:mm} UTC")));
        await _app.CommandAsync("U0001", "<@U0002> +10 for the public rescue on the floor");
        await _app.CommandAsync("U0001", "<@U0003> +10 for the secret said in a DM", channel: "D0001", channelName: "directmessage");
        await _app.CommandAsync("U0001", "<@U0004> +10 for the secret said in a private channel", channel: "C0PRIVATE", channelName: "privategroup");
        await _app.CommandAsync("U0001", "<@U0005> +10 for the secret said in a group DM", channel: "G0GROUP", channelName: "mpdm-u0001--u0005-1");
        _clock.Advance(TimeSpan.FromMinutes(2));

        var preview = Said(await _app.CommandAsync("U0006", "digest preview"));
        // The host's own scheduler may get there first: either way the digest is posted once.
        await _app.Host.Services.GetRequiredService<DigestPublisher>().PublishDueAsync(CancellationToken.None);

        var digest = Said((await _app.Slack.WaitForCallAsync("chat.postMessage",
            c => c.Arg("channel") == Channel && c.Body.Contains("This week in kudos", StringComparison.Ordinal))).Json);
        foreach (var shown in new[] { digest, preview })
        {
            Assert.Contains("for the public rescue on the floor", shown);
            Assert.DoesNotContain("secret", shown);
            Assert.DoesNotContain("<@U0003>", shown);
            Assert.DoesNotContain("<@U0004>", shown);
            Assert.DoesNotContain("<@U0005>", shown);
        }
    }

    [Fact]
    public async Task OnlyAnAdminSwitchesAChannelsDigest()
    {
        // The workspace and the member are known already (the first command of anyone remembers their language).
        await _app.CommandAsync("U0001", "balance");
        var before = await _app.RowsAsync();

        var on = Said(await _app.CommandAsync("U0001", "digest on friday 16:00 Europe/Rome"));
        var off = Said(await _app.CommandAsync("U0001", "digest off"));

        Assert.Contains("Only kudos admins switch a channel's weekly digest", on);
        Assert.Contains("Only kudos admins switch a channel's weekly digest", off);
        Assert.Equal(before, await _app.RowsAsync());
        Assert.Empty(await _app.Host.Services.GetRequiredService<DigestSubscriptions>().ListAsync(Workspace, CancellationToken.None));
    }

    [Fact]
    public async Task ABotOrALoopCannotBecomeSomeonesManager()
    {
        Assert.Contains("<@U0002>", Said(await _app.CommandAsync(Admin, "admin manager <@U0001> <@U0002>")));
        var before = await _app.RowsAsync();

        var bot = Said(await _app.CommandAsync(Admin, "admin manager <@U0003> <@UDEPLOYBOT>"));
        var botRole = Said(await _app.CommandAsync(Admin, "admin role manager <@UDEPLOYBOT>"));
        var loop = Said(await _app.CommandAsync(Admin, "admin manager <@U0002> <@U0001>"));

        Assert.Contains("Bots", bot);
        Assert.Contains("Bots", botRole);
        Assert.Contains("<@U0001> can't be <@U0002>'s manager: <@U0001> already reports to <@U0002>", loop);
        Assert.Equal(before, await _app.RowsAsync());
    }

    [Fact]
    public async Task AnAdminWhoMapsThemselvesAsManagerDoesNotGetTheApprovalCard()
    {
        await _app.CommandAsync(Admin, "admin reward add \"Late start\" 10");
        await _app.CommandAsync(Admin, "admin approver add <@U0009>");
        await _app.CommandAsync(Admin, "admin approver add <@U0008>");
        await _app.CommandAsync(Admin, "admin manager <@U0002> <@U0009>");
        await _app.CommandAsync("U0001", "<@U0002> +10 for covering the early shift");

        await _app.CommandAsync("U0002", "redeem Late start");

        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0008" && c.Body.Contains(SlackActions.Id(ViewVerbs.Approve), StringComparison.Ordinal));
        await _app.OutboxDrainedAsync();
        Assert.DoesNotContain(_app.PostsTo("DU0009"), p => p.Body.Contains(SlackActions.Id(ViewVerbs.Approve), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAdminLogShowsEachChangeAndOnlyToAdmins()
    {
        await _app.CommandAsync(Admin, "admin allowance 150");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _app.CommandAsync(Admin, "admin role manager <@U0004>");

        var log = Said(await _app.CommandAsync(Admin, "admin log"));
        await _app.CommandAsync("U0001", "balance");
        var before = await _app.RowsAsync();
        var refused = Said(await _app.CommandAsync("U0001", "admin log"));

        Assert.Contains("<@U0009> changed <@U0004>'s role: member → manager", log);
        Assert.Contains("<@U0009> changed the allowance: 100 monthly → 150 monthly", log);
        Assert.True(log.IndexOf("role", StringComparison.Ordinal) < log.IndexOf("allowance", StringComparison.Ordinal), "newest first");
        Assert.Contains("Only workspace admins", refused);
        Assert.Equal(before, await _app.RowsAsync());
    }
}
