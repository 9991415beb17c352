using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Integrations;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Infrastructure;

/// <summary>
/// The real core on a real Azurite, with its own tables, a fake clock and a small people directory.
/// One per test: cheap, since only table names differ.
/// </summary>
public sealed class CoreHarness : IAsyncDisposable
{
    public static readonly WorkspaceId Workspace = new(Platform.Slack, "T0001");
    public static readonly ConversationRef Channel = new("C-general", ConversationKind.Channel);

    private readonly ServiceProvider _services;

    public CoreHarness(DateTimeOffset? now = null, Action<IServiceCollection>? configure = null)
    {
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));
        Prefix = Azurite.UniquePrefix("c");
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(
            Options.Create(new StorageOptions { ConnectionString = Azurite.ConnectionString, TablePrefix = Prefix, CommandBudget = TimeSpan.FromSeconds(30) }));
        services.AddRecognitionCore();
        services.AddSingleton<IMemberDirectory>(Directory);
        services.AddSingleton<ISecretProtector, TestSecretProtector>();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        Tables.CreateTablesAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public FakeTimeProvider Clock { get; }
    public string Prefix { get; }
    public PeopleDirectory Directory { get; } = new();
    public IServiceProvider Services => _services;
    public RecognitionService Recognition => _services.GetRequiredService<RecognitionService>();
    public TableLedger Ledger => _services.GetRequiredService<TableLedger>();
    public WorkspaceStore Workspaces => _services.GetRequiredService<WorkspaceStore>();
    public OutboxStore Outbox => _services.GetRequiredService<OutboxStore>();
    public TableStore Tables => _services.GetRequiredService<TableStore>();

    /// <summary>A second, independent core on the same tables: another app instance with its own in-process locks.</summary>
    public RecognitionService SecondInstance() => SecondServices().GetRequiredService<RecognitionService>();

    /// <summary>The services of another app instance on the same tables and clock.</summary>
    public IServiceProvider SecondServices(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(
            Options.Create(new StorageOptions { ConnectionString = Azurite.ConnectionString, TablePrefix = Prefix, CommandBudget = TimeSpan.FromSeconds(30) }));
        services.AddRecognitionCore();
        services.AddSingleton<IMemberDirectory>(Directory);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static CommandContext As(string member, ConversationRef? where = null, string? delivery = null, WorkspaceId? workspace = null) =>
        new(workspace ?? Workspace, new MemberId(member), where ?? Channel, delivery is null ? null : DeliveryKey.Of(delivery));

    public Task<CommandResult> Say(string member, string text, ConversationRef? where = null, string? delivery = null) =>
        Recognition.HandleTextAsync(As(member, where, delivery), text, CancellationToken.None);

    public Task<CommandResult> Do(string member, KudosCommand command, string? delivery = null) =>
        Recognition.HandleAsync(As(member, delivery: delivery), command, CancellationToken.None);

    public async Task<MemberState> Member(string member) => await Ledger.GetMemberAsync(Workspace, new MemberId(member), CancellationToken.None);

    public Task<WorkspaceSettings> Configure(Func<WorkspaceSettings, WorkspaceSettings> change) =>
        Workspaces.UpdateAsync(Workspace, change, CancellationToken.None);

    /// <summary>Every row of the workspace's ledger partition, keyed by row key, for before/after comparisons.</summary>
    public Task<IReadOnlyDictionary<string, string>> Snapshot() => StorageSnapshot.LedgerAsync(Tables, Workspace);

    /// <summary>Every row the workspace owns in any table (ledger, settings, digests, and their audit rows).</summary>
    public Task<IReadOnlyDictionary<string, string>> AllRows() => StorageSnapshot.ReadAsync(Tables, Workspace);

    /// <summary>The workspace's audit log, newest first, as the port gives it.</summary>
    public Task<IReadOnlyList<RecognitionBot.Core.Audit.AuditEntry>> AuditLog(int count = 50) =>
        _services.GetRequiredService<RecognitionBot.Core.Audit.IAuditLog>().LatestAsync(Workspace, count, CancellationToken.None);

    /// <summary>Every post written and not yet made, due or not (a new one is its writer's to post for a while).</summary>
    public async Task<IReadOnlyList<OutboxItem>> PendingPosts() => await Outbox.ListAsync(Workspace, 1000, CancellationToken.None);

    /// <summary>The posts any instance's sweep would take now.</summary>
    public async Task<IReadOnlyList<OutboxItem>> DuePosts() => await Outbox.ListDueAsync(Workspace, 1000, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var table in Tables.All) await table.DeleteAsync();
        await _services.DisposeAsync();
    }
}

/// <summary>A people directory: who exists in the workspace, who is a bot, who is an admin.</summary>
public sealed class PeopleDirectory : IMemberDirectory
{
    private readonly Dictionary<string, MemberProfile> _people = new();

    public PeopleDirectory()
    {
        foreach (var name in new[] { "ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal", "ivy", "jon", "kim", "lea", "max" })
            Add(name);
        Add("bot", isBot: true);
        Add("gone", deactivated: true);
        Add("boss", admin: true);
        Add("guest", outsider: true);
    }

    public Platform Platform => Platform.Slack;

    public void Add(string id, bool isBot = false, bool deactivated = false, bool admin = false, bool outsider = false) =>
        _people[id] = new MemberProfile(new MemberId(id), id, isBot, deactivated, admin, IsOutsider: outsider);

    public Task<MemberProfile?> FindAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken) =>
        Task.FromResult(workspace == CoreHarness.Workspace ? _people.GetValueOrDefault(member.Value) : null);
}

/// <summary>The host encrypts with Data Protection; a core alone only needs secrets not stored as given.</summary>
public sealed class TestSecretProtector : ISecretProtector
{
    public string Protect(string secret) => "protected:" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret));

    public string Unprotect(string protectedSecret) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(protectedSecret["protected:".Length..]));
}
