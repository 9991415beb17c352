using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core.Dashboard;

/// <summary>
/// The settings handlers as the dashboard's forms reach them, without the chat parser in front: they check what the
/// parser would have, answer with its friendly explanation, and change nothing.
/// </summary>
public sealed class SettingsFromTheDashboard : IAsyncLifetime
{
    private readonly CoreHarness _h = new();

    public async Task InitializeAsync() => await _h.Workspaces.RegisterAsync(CoreHarness.Workspace, CancellationToken.None);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    public static TheoryData<AdminCommand, ParseError> BadInput => new()
    {
        { new SetTimeZoneCommand("Mars/Olympus_Mons"), ParseError.BadTimeZone },
        { new SetLanguageCommand("klingon"), ParseError.BadLanguage },
        { new SetAllowanceCommand(0, null), ParseError.BadAllowance },
        { new SetAllowanceCommand(-5, AllowancePeriod.Weekly), ParseError.BadAllowance },
        { new ChangeValuesCommand(true, "not a tag"), ParseError.BadValue },
        { new ChangeValuesCommand(true, "#"), ParseError.BadValue },
        { new SetCelebrationChannelCommand(true) { Channel = " " }, ParseError.BadChannel },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputIsExplainedAndChangesNothing(AdminCommand command, ParseError error)
    {
        var before = await _h.AllRows();

        Assert.Equal(error, Assert.IsType<NotUnderstood>(await _h.Do("boss", command)).Error);

        Assert.Equal(before, await _h.AllRows());
    }

    [Fact]
    public async Task AZoneAndALanguageAreTakenAsTheParserWouldTakeThem()
    {
        Assert.IsType<AdminDone>(await _h.Do("boss", new SetTimeZoneCommand(" Europe/Rome ")));
        Assert.Equal(new AdminDone(new SetLanguageCommand("it")), await _h.Do("boss", new SetLanguageCommand("Italiano")));

        _h.Workspaces.Invalidate(CoreHarness.Workspace);
        var settings = await _h.Workspaces.GetAsync(CoreHarness.Workspace, CancellationToken.None);
        Assert.Equal(("Europe/Rome", "it"), (settings.TimeZone, settings.DefaultLocale));
    }

    [Fact]
    public async Task TheCelebrationChannelCanBeNamedFromADirectMessage()
    {
        var fromTheDashboard = new CommandContext(CoreHarness.Workspace, new MemberId("boss"), new ConversationRef("dashboard", ConversationKind.Direct));

        Assert.IsType<AdminDone>(await _h.Recognition.HandleAsync(
            fromTheDashboard, new SetCelebrationChannelCommand(true) { Channel = "C-wins" }, CancellationToken.None));

        _h.Workspaces.Invalidate(CoreHarness.Workspace);
        Assert.Equal("C-wins", (await _h.Workspaces.GetAsync(CoreHarness.Workspace, CancellationToken.None)).CelebrationChannel);
        Assert.Equal(("C-wins", RecognitionBot.Core.Audit.AuditAction.CelebrationChannel),
            ((await _h.AuditLog())[0].After, (await _h.AuditLog())[0].Action));
    }
}
