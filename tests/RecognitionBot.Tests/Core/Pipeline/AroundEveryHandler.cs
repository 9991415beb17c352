using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos.Channel;
using RecognitionBot.Core.Kudos.Give;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core.Pipeline;

/// <summary>
/// What the pipeline does around every handler, for every command: a storage fault becomes "try again" and changes
/// nothing, an admin command from a non-admin is refused before its handler runs (and writes nothing, not even the
/// asker's language), and the asker's language is remembered (once) for whatever went through.
/// </summary>
public sealed class AroundEveryHandler : IAsyncLifetime
{
    private static readonly MemberId Bob = new("bob");

    // One command per handler that touches storage, as an admin ("boss" is a platform admin) in a channel.
    private static readonly Dictionary<string, KudosCommand> Commands = new()
    {
        ["give"] = new GiveCommand([Bob], 10, "thanks for the save", [], false),
        ["add on"] = new AddOnCommand("639317838547965282.k1", 5),
        ["undo"] = new UndoKudosCommand("639317838547965282.k1"),
        ["compose"] = new ComposeCommand([Bob]),
        ["submit composer"] = new SubmitComposerCommand(new ComposerInput([Bob], "10", [], "thanks for the save", false)),
        ["home"] = new HomeCommand(),
        ["balance"] = new BalanceCommand(),
        ["history"] = new HistoryCommand(),
        ["leaderboard"] = new LeaderboardCommand(LeaderboardPeriod.Week),
        ["rewards"] = new RewardsCommand(),
        ["redeem"] = new RedeemCommand("Late start"),
        ["decide"] = new DecideRedemptionCommand("r-unknown", true, null),
        ["cancel"] = new CancelRedemptionCommand("r-unknown"),
        ["digest on"] = new DigestOnCommand(null, null, null),
        ["digest off"] = new DigestOffCommand(),
        ["digest preview"] = new DigestPreviewCommand(),
        ["settings"] = new SettingsCommand(MemberSetting.Private, true),
        ["admin log"] = new AuditLogCommand(AuditLogCommand.Default),
        ["admin reward add"] = new AddRewardCommand("Coffee", 20, null, false, null),
        ["admin reward remove"] = new RemoveRewardCommand("late-start"),
        ["admin allowance"] = new SetAllowanceCommand(200, AllowancePeriod.Weekly),
        ["admin values"] = new ChangeValuesCommand(true, "#speed"),
        ["admin approver"] = new ChangeApproverCommand(true, Bob),
        ["admin admin"] = new ChangeAdminCommand(true, Bob),
        ["admin manager"] = new SetManagerCommand(Bob, new MemberId("cat")),
        ["admin role"] = new SetRoleCommand(Bob, true),
        ["admin timezone"] = new SetTimeZoneCommand("Europe/Rome"),
        ["admin language"] = new SetLanguageCommand("it"),
        ["admin celebrations"] = new SetCelebrationChannelCommand(true),
        ["admin outbox"] = new OutboxCommand(true),
        ["admin reward edit"] = new EditRewardCommand("late-start", "Later start", 12, true, null),
        ["admin reward restock"] = new RestockRewardCommand("late-start", 5),
        ["overview"] = new OverviewCommand(),
        ["export"] = new ExportCommand(ExportKind.Kudos, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1)),
        ["admin settings"] = new AdminSettingsCommand(),
        ["admin integration add"] = new AddIntegrationCommand("zendesk", 5, null),
        ["admin integration list"] = new ListIntegrationsCommand(),
        ["admin integration remove"] = new RemoveIntegrationCommand("zendesk"),
        ["admin budget"] = new BudgetCommand(100),
        ["compose"] = new ComposeCommand([Bob]),
        ["submit composer"] = new SubmitComposerCommand(new ComposerInput([Bob], "10", [], "thanks for the save", false)),
        ["home"] = new HomeCommand(),
        ["channel board"] = new ChannelBoardCommand(LeaderboardPeriod.Week),
        ["roles"] = new RecognitionBot.Core.Members.Roles.RolesCommand(),
        ["my people"] = new RecognitionBot.Core.Members.People.MyPeopleCommand(),
        ["nominate"] = new NominateCommand(Bob, "calm with every angry caller"),
        ["choose award"] = new ChooseAwardCommand("2026-10", Bob, null),
    };

    // Help answers from the settings alone and never reaches storage past them.
    private static readonly Type[] WithoutStorage = [typeof(HelpCommand)];

    public static TheoryData<string> AllCommands => new(Commands.Keys);

    public static TheoryData<string> AdminsOnly => new(Commands.Where(c => c.Value is AdminCommand or DigestOnCommand or DigestOffCommand).Select(c => c.Key));

    private readonly FailingStorage _storage = new();
    private readonly CoreHarness _h;

    public AroundEveryHandler() =>
        _h = new CoreHarness(configure: s => s.AddSingleton<HttpPipelinePolicy>(_storage).AddSingleton<IChannelRoster, EveryoneOnTheRoster>());

    public async Task InitializeAsync()
    {
        Assert.IsType<AdminDone>(await _h.Say("boss", "admin reward add \"Late start\" 10"));
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@boss> +50 for the whole week of cover"));
        // The settings are now in this instance's cache: with storage down, handlers are the first to reach it.
        await _h.Configure(s => s);
    }

    public async Task DisposeAsync()
    {
        _storage.Disarm();
        await _h.DisposeAsync();
    }

    [Fact]
    public void EveryHandlerThatReachesStorageIsInTheseTests()
    {
        var dispatcher = _h.Services.GetRequiredService<CommandDispatcher>();
        Assert.Equal(
            dispatcher.Commands.Except(WithoutStorage).Select(t => t.Name).Order(),
            Commands.Values.Select(c => c.GetType().Name).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(AllCommands))]
    public async Task AStorageFaultInAnyHandlerAsksToTryAgainAndChangesNothing(string name)
    {
        var before = await _h.AllRows();

        _storage.Arm();
        var result = await _h.Recognition.HandleAsync(CoreHarness.As("boss", delivery: "fault-" + name), Commands[name], CancellationToken.None);
        _storage.Disarm();

        Assert.Equal(Refusal.StorageUnavailable, Assert.IsType<Refused>(result).Reason);
        Assert.True(_storage.Failed > 0, "the handler never reached storage");
        Assert.Equal(before, await _h.AllRows());
    }

    [Theory]
    [MemberData(nameof(AdminsOnly))]
    public async Task ANonAdminsAdminCommandIsRefusedBeforeItsHandlerAndChangesNothing(string name)
    {
        var before = await _h.AllRows();

        var result = await _h.Recognition.HandleAsync(CoreHarness.As("ann") with { Locale = "it-IT" }, Commands[name], CancellationToken.None);

        var expected = Commands[name] is AdminCommand ? Refusal.NotAdmin : Refusal.DigestAdminsOnly;
        Assert.Equal(expected, Assert.IsType<Refused>(result).Reason);
        Assert.Equal(before, await _h.AllRows());
    }

    [Theory]
    [MemberData(nameof(AllCommands))]
    public async Task TheAskersLanguageIsRememberedWhenTheCommandGoesThroughAndNotWhenRefused(string name)
    {
        var asker = CoreHarness.As("boss", delivery: "locale-" + name) with { Locale = "sv-SE" };
        var before = (await _h.Member("boss")).Locale;

        var answer = await _h.Recognition.AnswerAsync(asker, Commands[name], CancellationToken.None);

        // A refusal (an unknown request id, bad input) leaves the ledger untouched, the asker's row included.
        Assert.Equal(answer.Result is Refused or NotUnderstood ? before : "sv-SE", (await _h.Member("boss")).Locale);
        Assert.NotEqual("sv-SE", before);
        // The answer speaks their language either way.
        Assert.Equal("sv-SE", answer.Reader.Locale);
    }

    [Fact]
    public async Task ALanguageAlreadyKnownIsNotWrittenAgain()
    {
        var asker = CoreHarness.As("ann") with { Locale = "it-IT" };
        await _h.Recognition.HandleAsync(asker, new BalanceCommand(), CancellationToken.None);
        var before = await _h.AllRows();

        await _h.Recognition.HandleAsync(asker, new BalanceCommand(), CancellationToken.None);

        Assert.Equal(before, await _h.AllRows());
    }

    [Fact]
    public async Task AnOutsidersLanguageIsNotRememberedWhenTheyAreRefused()
    {
        var before = await _h.AllRows();
        var outsider = CoreHarness.As("guest") with { Locale = "it-IT" };

        var result = await _h.Recognition.HandleAsync(outsider, new GiveCommand([Bob], 10, "thanks for the save", [], false), CancellationToken.None);

        Assert.Equal(Refusal.Outsider, Assert.IsType<Refused>(result).Reason);
        Assert.Equal(before, await _h.AllRows());
    }

    [Fact]
    public async Task TheAnswerCarriesTheWorkspacesLanguageAndZoneForTheRenderer()
    {
        await _h.Configure(s => s with { DefaultLocale = "it", TimeZone = "Europe/Rome" });

        var answer = await _h.Recognition.AnswerTextAsync(CoreHarness.As("ann"), "balance", CancellationToken.None);
        var notUnderstood = await _h.Recognition.AnswerTextAsync(CoreHarness.As("ann"), "<@bob>", CancellationToken.None);

        Assert.IsType<BalanceView>(answer.Result);
        Assert.Equal(("it", "Europe/Rome"), (answer.Reader.DefaultLocale, answer.Reader.Zone.Id));
        Assert.IsType<NotUnderstood>(notUnderstood.Result);
        Assert.Equal("it", notUnderstood.Reader.Texts.Culture.Name);
    }

    [Fact]
    public async Task WithStorageDownTheAnswerIsInTheLanguageLastSeen()
    {
        await _h.Configure(s => s with { DefaultLocale = "sv" });
        _h.Clock.Advance(TimeSpan.FromMinutes(5)); // the cached settings are stale: the pipeline must ask storage

        _storage.Arm();
        var answer = await _h.Recognition.AnswerTextAsync(CoreHarness.As("ann"), "balance", CancellationToken.None);
        _storage.Disarm();

        Assert.Equal(Refusal.StorageUnavailable, Assert.IsType<Refused>(answer.Result).Reason);
        Assert.Equal("sv", answer.Reader.DefaultLocale);
    }
}

/// <summary>A roster everyone is on, for the handler that asks one before it reads (the channel board).</summary>
internal sealed class EveryoneOnTheRoster : IChannelRoster
{
    public Platform Platform => Platform.Slack;

    public Task<IReadOnlyList<MemberId>> MembersAsync(WorkspaceId workspace, ConversationRef conversation, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MemberId>>([]);

    public Task<bool> IncludesAsync(WorkspaceId workspace, ConversationRef conversation, MemberId member, CancellationToken cancellationToken) =>
        Task.FromResult(true);
}
