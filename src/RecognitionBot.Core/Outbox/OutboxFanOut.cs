using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Outbox;

/// <summary>
/// Outbox rows that did not fit into their change's transaction (storage takes at most 100 rows per entity group
/// transaction: a redemption routed to 150 approvers, a decision updating 150 cards, gap notes to many managers).
/// The change commits with the rows that fit and a <c>fanout|</c> marker holding the rest; the marker is then
/// turned into outbox rows in follow-up transactions, each adding up to 99 rows and shrinking (or deleting) the
/// marker conditionally on its ETag, so every post is written exactly once whoever expands it and whenever the
/// process stops. The writer expands its markers right after the commit; a marker left behind (a crash) falls due
/// after <see cref="OutboxStore.WriterLease"/> and any instance's outbox sweep expands it.
/// </summary>
internal static class OutboxFanOut
{
    /// <summary>Storage's limit of operations in one entity group transaction.</summary>
    public const int MaxRowsPerTransaction = 100;

    public const string Prefix = "fanout|";

    // Characters of serialized rows per marker: an entity holds at most 1 MB and one binary property at most
    // 64 KB, so a marker carries its rows in parts well inside both.
    private const int MaxCharsPerMarker = 300_000;
    private const int MaxBytesPerPart = 60_000;

    private sealed record Row(string Key, string Target, int Post);

    private sealed record Payload(List<Row> Rows, List<string> Posts);

    /// <summary>Markers holding <paramref name="rows"/> (each as many as fit by size), due at <paramref name="due"/>.</summary>
    public static List<TableEntity> Markers(string partition, IEnumerable<OutboxEntity> rows, DateTimeOffset now, DateTimeOffset due)
    {
        var markers = new List<TableEntity>();
        var payload = new Payload([], []);
        var postIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var chars = 0;
        foreach (var row in rows)
        {
            var cost = row.RowKey.Length + row.Target.Length + (postIndex.ContainsKey(row.Post) ? 0 : row.Post.Length) + 16;
            if (payload.Rows.Count > 0 && chars + cost > MaxCharsPerMarker)
            {
                markers.Add(Marker(partition, payload, now, due));
                payload = new Payload([], []);
                postIndex.Clear();
                chars = 0;
                cost = row.RowKey.Length + row.Target.Length + row.Post.Length + 16;
            }
            if (!postIndex.TryGetValue(row.Post, out var p))
            {
                // The same content repeats for each approver or card (it differs by locale at most): stored once.
                p = postIndex[row.Post] = payload.Posts.Count;
                payload.Posts.Add(row.Post);
            }
            payload.Rows.Add(new Row(row.RowKey, row.Target, p));
            chars += cost;
        }
        if (payload.Rows.Count > 0) markers.Add(Marker(partition, payload, now, due));
        return markers;
    }

    private static TableEntity Marker(string partition, Payload payload, DateTimeOffset now, DateTimeOffset due) =>
        Write(new TableEntity(partition, $"{Prefix}{now.UtcTicks:D19}|{LedgerKeys.NewId()}") { ["NextAttemptAt"] = due }, payload);

    private static TableEntity Write(TableEntity marker, Payload payload)
    {
        foreach (var key in marker.Keys.Where(k => k.StartsWith("Chunk", StringComparison.Ordinal)).ToList()) marker.Remove(key);
        // Binary, not string: the rows' JSON is itself escaped JSON, and Azurite's batch parser rejects the
        // doubly escaped text (400 InvalidInput); bytes travel as base64 and come back exactly.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, Json.Options);
        var parts = 0;
        for (var at = 0; at < bytes.Length; at += MaxBytesPerPart, parts++)
            marker[$"Chunk{parts:D2}"] = bytes.AsSpan(at, Math.Min(MaxBytesPerPart, bytes.Length - at)).ToArray();
        marker["Chunks"] = parts;
        marker["Remaining"] = payload.Rows.Count;
        return marker;
    }

    private static Payload Read(TableEntity marker)
    {
        var parts = marker.GetInt32("Chunks") ?? 0;
        using var json = new MemoryStream();
        for (var i = 0; i < parts; i++) json.Write(marker.GetBinary($"Chunk{i:D2}"));
        return json.Length == 0 ? new Payload([], []) : JsonSerializer.Deserialize<Payload>(json.ToArray(), Json.Options) ?? new Payload([], []);
    }

    /// <summary>
    /// Turns a marker into outbox rows, 99 per transaction. Rows written for <paramref name="leasedUntil"/> belong to
    /// this instance until then (it posts them from memory, as the returned items); null makes them due at once for
    /// the sweep. Stops quietly when someone else changed the marker (they are expanding it).
    /// </summary>
    public static async Task<List<OutboxItem>> ExpandAsync(TableClient table, WorkspaceId workspace, TableEntity marker, DateTimeOffset now,
        DateTimeOffset? leasedUntil, CancellationToken cancellationToken)
    {
        var written = new List<OutboxItem>();
        var payload = Read(marker);
        while (payload.Rows.Count > 0)
        {
            var chunk = payload.Rows.Take(MaxRowsPerTransaction - 1).ToList();
            var rest = new Payload(payload.Rows.Skip(chunk.Count).ToList(), payload.Posts);
            var rows = chunk.Select(r => new OutboxEntity
            {
                PartitionKey = marker.PartitionKey,
                RowKey = r.Key,
                Target = r.Target,
                Post = payload.Posts[r.Post],
                NextAttemptAt = leasedUntil ?? now,
            }).ToList();
            var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)).ToList();
            actions.Add(rest.Rows.Count == 0
                ? new TableTransactionAction(TableTransactionActionType.Delete, marker, marker.ETag)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, Write(marker, rest), marker.ETag));
            Response<IReadOnlyList<Response>> responses;
            try
            {
                responses = await table.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
            {
                // Another instance expanded this chunk first (its rows exist: 409; the marker moved on: 412; gone: 404).
                return written;
            }
            if (responses.Value[^1].Headers.ETag is { } etag) marker.ETag = etag;
            for (var i = 0; i < rows.Count; i++)
                written.Add(new OutboxItem(workspace, rows[i].RowKey,
                    JsonSerializer.Deserialize<PostTarget>(rows[i].Target, Json.Options)!,
                    JsonSerializer.Deserialize<OutboxPost>(rows[i].Post, Json.Options)!, 0)
                {
                    ETag = responses.Value[i].Headers.ETag ?? ETag.All,
                    LeasedUntil = leasedUntil,
                });
            payload = rest;
        }
        return written;
    }

    /// <summary>Expands every marker of a workspace whose writer did not finish it (rows due at once).</summary>
    public static async Task ExpandDueAsync(TableClient table, WorkspaceId workspace, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partition = LedgerKeys.Partition(workspace);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {Prefix} and RowKey lt {LedgerKeys.PrefixEnd(Prefix)} and NextAttemptAt le {now}");
        var due = new List<TableEntity>();
        await foreach (var marker in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) due.Add(marker);
        foreach (var marker in due) await ExpandAsync(table, workspace, marker, now, leasedUntil: null, cancellationToken);
    }
}
