using Azure;
using Azure.Data.Tables;
using RecognitionBot.Core.Caching;
using RecognitionBot.Core.Storage;

namespace RecognitionBot.Slack;

/// <summary>
/// Who has opened the app's Home tab in a workspace. A change (a kudos, a decision) republishes only the homes of
/// people who opened theirs: in a contact center most agents never do, and publishing a home costs four queries and
/// a <c>views.publish</c>. Kept in storage (table <c>slackhomes</c>, one row per person, written at most once a day),
/// so every instance knows it; remembered in a bounded memory: a yes for a day, a no for a minute (someone who opens
/// their home on another instance gets a fresh publish at that moment anyway). A home never opened has nothing to
/// keep up to date: it is published the moment its owner first opens it.
/// </summary>
public sealed class SlackHomeViewers(TableStore tables, TimeProvider time, ILogger<SlackHomeViewers> log) : IDisposable
{
    /// <summary>The table's name after the prefix (infra/main.bicep creates it).</summary>
    public const string Table = "slackhomes";

    private static readonly TimeSpan RememberNo = TimeSpan.FromMinutes(1);
    private readonly TableClient _table = tables.Client(Table);
    private readonly BoundedCache<(string Team, string Member), bool> _opened = new(50_000, TimeSpan.FromDays(1));
    private readonly BoundedCache<(string Team, string Member), DateTimeOffset> _notOpened = new(50_000, RememberNo);
    private readonly SemaphoreSlim _create = new(1, 1);
    private volatile bool _created;

    /// <summary>Records that <paramref name="member"/> opened their home (at most one write a day per instance).</summary>
    public async Task OpenedAsync(string team, string member, CancellationToken ct)
    {
        _notOpened.TryRemove((team, member), out _);
        if (_opened.TryGetValue((team, member), out _)) return;
        await EnsureTableAsync(ct);
        var row = new TableEntity(team, member) { ["OpenedAt"] = time.GetUtcNow() };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        _opened[(team, member)] = true;
    }

    /// <summary>Whether <paramref name="member"/> has ever opened their home; on a storage fault, yes (publish rather than miss).</summary>
    public async Task<bool> HasOpenedAsync(string team, string member, CancellationToken ct)
    {
        if (_opened.TryGetValue((team, member), out _)) return true;
        if (_notOpened.TryGetValue((team, member), out var checkedAt) && time.GetUtcNow() - checkedAt < RememberNo) return false;
        try
        {
            await EnsureTableAsync(ct);
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(team, member, ["PartitionKey"], ct);
            if (found.HasValue) _opened[(team, member)] = true;
            else _notOpened[(team, member)] = time.GetUtcNow();
            return found.HasValue;
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or TimeoutException
            or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("Could not tell whether {Member} in {Team} opened App Home ({Error}); publishing it", member, team, e.Message);
            return true;
        }
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (_created) return;
        await _create.WaitAsync(ct);
        try
        {
            if (_created) return;
            await _table.CreateIfNotExistsAsync(ct);
            _created = true;
        }
        finally
        {
            _create.Release();
        }
    }

    public void Dispose()
    {
        _opened.Dispose();
        _notOpened.Dispose();
        _create.Dispose();
    }
}
