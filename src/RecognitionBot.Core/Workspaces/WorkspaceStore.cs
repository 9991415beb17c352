using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Storage;

namespace RecognitionBot.Core.Workspaces;

/// <summary>Workspace settings in the <c>workspaces</c> table (partition = platform), cached briefly per instance.</summary>
public sealed class WorkspaceStore(TableStore tables, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<WorkspaceId, (WorkspaceSettings Settings, DateTimeOffset At)> _cache = new();

    public async Task<WorkspaceSettings> GetAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(workspace, out var hit) && clock.GetUtcNow() - hit.At < CacheFor) return hit.Settings;

        var (settings, _) = await LoadOrCreateAsync(workspace, cancellationToken);
        _cache[workspace] = (settings, clock.GetUtcNow());
        return settings;
    }

    /// <summary>Changes settings with optimistic concurrency, so two admins' edits never overwrite each other.</summary>
    public async Task<WorkspaceSettings> UpdateAsync(WorkspaceId workspace, Func<WorkspaceSettings, WorkspaceSettings> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (current, entity) = await LoadOrCreateAsync(workspace, cancellationToken);
            var next = change(current);
            entity["Settings"] = JsonSerializer.Serialize(next, Json.Options);
            try
            {
                await tables.Workspaces.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                _cache[workspace] = (next, clock.GetUtcNow());
                return next;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
            }
        }
    }

    /// <summary>Every workspace that has used the bot: the outbox sweep and the digest scheduler walk these.</summary>
    public async IAsyncEnumerable<WorkspaceId> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in tables.Workspaces.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            if (Enum.TryParse<Platform>(e.PartitionKey, ignoreCase: true, out var platform))
                yield return new WorkspaceId(platform, LedgerKeys.Unescape(e.RowKey));
    }

    private async Task<(WorkspaceSettings, TableEntity)> LoadOrCreateAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var pk = workspace.Platform.ToString().ToLowerInvariant();
        var rk = LedgerKeys.Escape(workspace.Id);
        while (true)
        {
            var found = await tables.Workspaces.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: cancellationToken);
            if (found.HasValue && found.Value is { } entity)
            {
                var json = entity.GetString("Settings");
                var settings = string.IsNullOrEmpty(json) ? new WorkspaceSettings() : JsonSerializer.Deserialize<WorkspaceSettings>(json, Json.Options)!;
                return (settings, entity);
            }
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
