using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// People of another organisation in a Slack Connect channel are not members of this workspace: they may neither
/// give, receive nor redeem, are told so in their language, and nothing changes.
/// </summary>
public sealed class SlackConnectOutsiders : IAsyncLifetime
{
    private const string Outsider = "UEXT1";
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SlackAppDriver.StartAsync();
        // users.info of a Slack Connect user names their own team, not ours.
        _app.Slack.AddUser(Outsider, team: "TPARTNER", name: "Pat Partner");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ASlackConnectUsersKudosIsRefusedAndChangesNothing()
    {
        var before = await _app.PartitionAsync();

        var reply = await _app.AnswerAsync(Outsider, "<@U0002> +10 thanks for the shared escalation");

        Assert.Contains(Texts.For("en")["Refusal.Outsider"], Said(reply));
        Assert.Equal(before, await _app.PartitionAsync());
        Assert.Empty(_app.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task AnOutsidersFirstCommandRegistersNoWorkspaceAndAMembersDoes()
    {
        var tables = _app.Host.Services.GetRequiredService<TableStore>();
        var workspaces = _app.Host.Services.GetRequiredService<WorkspaceStore>();
        var before = await StorageSnapshot.ReadAsync(tables, Workspace);

        var reply = await _app.AnswerAsync(Outsider, "<@U0002> +10 thanks for the shared escalation");

        Assert.Contains(Texts.For("en")["Refusal.Outsider"], Said(reply));
        // Not even the workspace's settings row: every table, not only the ledger partition.
        Assert.Equal(before, await StorageSnapshot.ReadAsync(tables, Workspace));
        Assert.DoesNotContain(Workspace, await workspaces.ListAsync(CancellationToken.None).ToListAsync());

        await _app.AnswerAsync("U0001", "balance");

        // A member's command registers it, so the outbox sweep and the digest scheduler walk it.
        Assert.Contains(Workspace, await workspaces.ListAsync(CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task TheRefusalSpeaksTheOutsidersLanguage()
    {
        _app.Slack.AddUser("UEXT2", locale: "it-IT", team: "TPARTNER");
        var before = await _app.PartitionAsync();

        var reply = await _app.AnswerAsync("UEXT2", "<@U0002> +10 grazie");

        Assert.Contains(Texts.For("it")["Refusal.Outsider"], Said(reply));
        Assert.Equal(before, await _app.PartitionAsync());
    }

    [Fact]
    public async Task GivingToASlackConnectUserIsRefusedAndChangesNothing()
    {
        var before = await _app.PartitionAsync();

        var reply = await _app.AnswerAsync("U0001", $"<@{Outsider}> +10 thanks for the joint fix");

        Assert.Contains(Texts.For("en").Format("Refusal.OutsiderRecipient", $"<@{Outsider}>"), Said(reply));
        Assert.Equal(before, await _app.PartitionAsync());
        Assert.Equal(100, (await _app.BalanceAsync("U0001")).Allowance.Left);
    }

    [Fact]
    public async Task AStrangerFlaggedBySlackIsRefusedEvenWhenItsTeamLooksLikeOurs()
    {
        _app.Slack.AddUser("UEXT3", team: Team, isStranger: true);
        var before = await _app.PartitionAsync();

        var reply = await _app.AnswerAsync("U0001", "<@UEXT3> +10 thanks");

        Assert.Contains(Texts.For("en").Format("Refusal.OutsiderRecipient", "<@UEXT3>"), Said(reply));
        Assert.Equal(before, await _app.PartitionAsync());
    }

    [Fact]
    public async Task AnOutsiderCannotRedeem()
    {
        var before = await _app.PartitionAsync();

        var reply = await _app.AnswerAsync(Outsider, "redeem coffee");

        Assert.Contains(Texts.For("en")["Refusal.Outsider"], Said(reply));
        Assert.Equal(before, await _app.PartitionAsync());
    }

    [Fact]
    public async Task AnOutsiderIsLeftOutOfTheChannelRoster()
    {
        _app.Slack.ChannelMembers[Channel] = ["U0001", Outsider, "U0002"];

        var roster = _app.Host.Services.GetServices<IChannelRoster>().Single(r => r.Platform == Platform.Slack);

        var members = await roster.MembersAsync(Workspace, new ConversationRef(Channel, ConversationKind.Channel), CancellationToken.None);

        Assert.Equal(["U0001", "U0002"], members.Select(m => m.Value));
    }
}
