using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RecognitionBot.Core.Admin.Settings;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Storage;

namespace RecognitionBot.Core.Workspaces;

/// <summary>Workspace settings in the <c>workspaces</c> table (partition = platform), cached briefly per instance.</summary>
public sealed class WorkspaceStore(TableStore tables, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<WorkspaceId, (WorkspaceSettings Settings, DateTimeOffset At, bool Registered)> _cache = new();

    /// <summary>
    /// The workspace's settings, or the defaults for a workspace that has no row yet. Reading writes nothing: a
    /// refused first request (an outsider's) must not register a workspace; <see cref="RegisterAsync"/> does that.
    /// </summary>
    public async Task<WorkspaceSettings> GetAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(workspace, out var hit) && clock.GetUtcNow() - hit.At < CacheFor) return hit.Settings;

        var found = await LoadAsync(workspace, cancellationToken);
        var settings = found?.Settings ?? new WorkspaceSettings();
        _cache[workspace] = (settings, clock.GetUtcNow(), found is not null);
        return settings;
    }

    /// <summary>
    /// Makes sure the workspace has its row, so the outbox sweep, the digest scheduler and the clean-up walk it: done
    /// for a member's command before anything of theirs is written (a no-op once this instance has seen the row).
    /// </summary>
    public async Task RegisterAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(workspace, out var hit) && hit.Registered) return;
        var (settings, _) = await LoadOrCreateAsync(workspace, cancellationToken);
        _cache[workspace] = (settings, clock.GetUtcNow(), true);
    }

    /// <summary>
    /// The settings this instance last read, however old, without asking storage (null if none): for an answer made
    /// while storage is down or the instance is overloaded, which is better in the workspace's language than not.
    /// </summary>
    public WorkspaceSettings? Peek(WorkspaceId workspace) => _cache.TryGetValue(workspace, out var hit) ? hit.Settings : null;

    /// <summary>Changes settings with optimistic concurrency, so two admins' edits never overwrite each other.</summary>
    public Task<WorkspaceSettings> UpdateAsync(WorkspaceId workspace, Func<WorkspaceSettings, WorkspaceSettings> change, CancellationToken cancellationToken) =>
        UpdateAsync(workspace, change, null, cancellationToken);

    /// <summary>
    /// An admin's change: the settings and its audit row (the setting as <paramref name="show"/> shows it, before and
    /// after) are one transaction, as the audit row lives in the settings row's partition.
    /// </summary>
    public Task<WorkspaceSettings> ChangeAsync(WorkspaceId workspace, MemberId actor, AuditAction action, string? subject,
        Func<WorkspaceSettings, WorkspaceSettings> change, Func<WorkspaceSettings, string?> show, CancellationToken cancellationToken) =>
        UpdateAsync(workspace, change, (before, after) => new AuditEntry(clock.GetUtcNow(), actor, action, subject, show(before), show(after)),
            cancellationToken);

    /// <summary>
    /// An admin's change decided by a pure decider on the current settings: refused, or the settings and its audit row
    /// as one transaction. A concurrent change makes the decider decide again on the settings as they are now.
    /// </summary>
    public async Task<CommandResult> DecideAsync(
        WorkspaceId workspace, Func<WorkspaceSettings, Decided<SettingsChange>> decide, CancellationToken cancellationToken)
    {
        Decided<SettingsChange>? decided = null;
        await CommitAsync(workspace, current => (decided = decide(current)).Decision is { } d ? (d.Next, d.Audit) : null, cancellationToken);
        return decided!.Answer ?? decided.Decision!.Result;
    }

    private async Task<WorkspaceSettings> UpdateAsync(WorkspaceId workspace, Func<WorkspaceSettings, WorkspaceSettings> change,
        Func<WorkspaceSettings, WorkspaceSettings, AuditEntry>? audit, CancellationToken cancellationToken) =>
        (await CommitAsync(workspace, current =>
        {
            var next = change(current);
            return (next, audit?.Invoke(current, next));
        }, cancellationToken))!;

    /// <summary>Loads, lets <paramref name="step"/> change (or, returning null, leave) the settings, commits; again on 412.</summary>
    private async Task<WorkspaceSettings?> CommitAsync(WorkspaceId workspace, Func<WorkspaceSettings, (WorkspaceSettings Next, AuditEntry? Audit)?> step,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (current, entity) = await LoadOrCreateAsync(workspace, cancellationToken);
            if (step(current) is not var (next, entry)) return null;
            entity["Settings"] = JsonSerializer.Serialize(next, Json.Options);
            List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, entity, entity.ETag)];
            // A change that changes nothing (adding an approver twice) is not worth a line in the log.
            if (entry is not null && entry.Before != entry.After)
                actions.Add(new(TableTransactionActionType.Add, AuditEntity.From(entry, entity.PartitionKey, AuditPrefix(workspace))));
            try
            {
                await tables.Workspaces.SubmitTransactionAsync(actions, cancellationToken);
                _cache[workspace] = (next, clock.GetUtcNow(), true);
                return next;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
            }
        }
    }

    /// <summary>The settings rows' partition: the platform.</summary>
    internal static string PartitionOf(WorkspaceId workspace) => workspace.Platform.ToString().ToLowerInvariant();

    /// <summary>Audit rows of settings sit beside the workspace's row, keyed <c>{workspace}|audit|...</c>.</summary>
    internal static string AuditPrefix(WorkspaceId workspace) => LedgerKeys.Escape(workspace.Id) + "|";

    /// <summary>Every workspace that has used the bot: the outbox sweep and the digest scheduler walk these.</summary>
    public async IAsyncEnumerable<WorkspaceId> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in tables.Workspaces.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            // Row keys with a separator are a workspace's audit rows, not workspaces.
            if (!e.RowKey.Contains('|') && Enum.TryParse<Platform>(e.PartitionKey, ignoreCase: true, out var platform))
                yield return new WorkspaceId(platform, LedgerKeys.Unescape(e.RowKey));
    }

    private async Task<(WorkspaceSettings Settings, TableEntity Entity)?> LoadAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var found = await tables.Workspaces.GetEntityIfExistsAsync<TableEntity>(PartitionOf(workspace), LedgerKeys.Escape(workspace.Id),
            cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } entity) return null;
        var json = entity.GetString("Settings");
        return (string.IsNullOrEmpty(json) ? new WorkspaceSettings() : JsonSerializer.Deserialize<WorkspaceSettings>(json, Json.Options)!, entity);
    }

    private async Task<(WorkspaceSettings, TableEntity)> LoadOrCreateAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var pk = PartitionOf(workspace);
        var rk = LedgerKeys.Escape(workspace.Id);
        while (true)
        {
            if (await LoadAsync(workspace, cancellationToken) is { } found) return found;
            var fresh = new TableEntity(pk, rk) { ["Settings"] = JsonSerializer.Serialize(new WorkspaceSettings(), Json.Options) };
            try
            {
                await tables.Workspaces.AddEntityAsync(fresh, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another request created it first: read theirs.
            }
        }
    }

    /// <summary>Forget cached settings (tests, or after an out-of-band change).</summary>
    public void Invalidate(WorkspaceId workspace) => _cache.TryRemove(workspace, out _);
}
