using Azure;
using Azure.Data.Tables;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Installations;

/// <summary>Installations in their own table: PartitionKey the platform, RowKey the installation key.</summary>
public sealed class TableInstallationStore(TableClient table) : IInstallationStore
{
    private readonly TableOnce _created = new(table);

    public async Task SaveAsync(Installation installation, CancellationToken ct = default)
    {
        await _created.EnsureAsync(ct);
        var entity = new TableEntity(Partition(installation.Platform), Row(installation.Key))
        {
            ["ProtectedSecret"] = installation.ProtectedSecret,
            ["InstalledAt"] = installation.InstalledAt,
            ["Name"] = installation.Name,
            ["BotUserId"] = installation.BotUserId,
            ["AppId"] = installation.AppId,
            ["InstalledBy"] = installation.InstalledBy,
            ["Scopes"] = installation.Scopes,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    public async Task<Installation?> FindAsync(Platform platform, string key, CancellationToken ct = default)
    {
        await _created.EnsureAsync(ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition(platform), Row(key), cancellationToken: ct);
        if (!found.HasValue || found.Value is not { } e) return null;
        return new Installation(platform, key, e.GetString("ProtectedSecret"), e.GetDateTimeOffset("InstalledAt") ?? DateTimeOffset.MinValue)
        {
            Name = e.GetString("Name"),
            BotUserId = e.GetString("BotUserId"),
            AppId = e.GetString("AppId"),
            InstalledBy = e.GetString("InstalledBy"),
            Scopes = e.GetString("Scopes"),
        };
    }

    public async Task<bool> DeleteAsync(Platform platform, string key, CancellationToken ct = default)
    {
        await _created.EnsureAsync(ct);
        // The SDK does not throw when the entity is already gone; it answers 404.
        var response = await table.DeleteEntityAsync(Partition(platform), Row(key), ETag.All, ct);
        return response.Status != 404;
    }

    private static string Partition(Platform platform) => platform.ToString().ToLowerInvariant();

    private static string Row(string key)
    {
        if (string.IsNullOrEmpty(key) || key.AsSpan().IndexOfAny("/\\#?") >= 0 || key.Any(char.IsControl))
            throw new ArgumentException($"Not a valid installation key: '{key}'.", nameof(key));
        return key;
    }
}
