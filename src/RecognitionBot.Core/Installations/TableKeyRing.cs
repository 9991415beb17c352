using Azure.Data.Tables;

namespace RecognitionBot.Core.Installations;

/// <summary>
/// The host's encryption key ring (opaque XML documents) in a table every instance reads, so a token protected by
/// one instance can be read by all the others and after a redeploy. Synchronous because the host's key manager is.
/// </summary>
public sealed class TableKeyRing(TableClient table)
{
    private const string Partition = "keys";
    private readonly TableOnce _created = new(table);

    public IReadOnlyList<string> All()
    {
        _created.Ensure();
        return table.Query<TableEntity>(e => e.PartitionKey == Partition).Select(e => e.GetString("Xml")).ToList();
    }

    /// <summary>Keys are added, never changed: a name is used once.</summary>
    public void Add(string name, string xml)
    {
        _created.Ensure();
        // Names look like "key-{guid}"; keep only characters a RowKey allows.
        var row = new string(name.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        if (row.Length == 0) row = Guid.NewGuid().ToString("N");
        table.UpsertEntity(new TableEntity(Partition, row) { ["Xml"] = xml });
    }
}
