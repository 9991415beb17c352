using Azure;
using Azure.Data.Tables;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Integrations;

/// <summary>
/// Which workspace an integration id belongs to, beside the installations (partition <c>customer-kudos</c>): the
/// endpoint knows only the id in its URL. The integration itself lives in its workspace's ledger partition.
/// </summary>
public sealed class IntegrationDirectory(TableStore tables)
{
    private const string Partition = "customer-kudos";

    public async Task SaveAsync(string id, WorkspaceId workspace, string name, CancellationToken cancellationToken) =>
        await tables.Installations.AddEntityAsync(new TableEntity(Partition, id) { ["Workspace"] = workspace.Key, ["Name"] = name }, cancellationToken);

    public async Task<(WorkspaceId Workspace, string Name)?> FindAsync(string id, CancellationToken cancellationToken)
    {
        // Ids are ours (hex): anything else is nobody's, and is not sent to storage.
        if (id.Length is 0 or > 64 || !id.All(char.IsAsciiHexDigitLower)) return null;
        var found = await tables.Installations.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? (WorkspaceId.Parse(e.GetString("Workspace")), e.GetString("Name")) : null;
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        await tables.Installations.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken);
}
