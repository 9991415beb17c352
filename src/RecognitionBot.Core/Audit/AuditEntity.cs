using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Audit;

/// <summary>
/// An audit row. It lives in the table and partition of the change it records (ledger, workspaces or digests), as an
/// entity group transaction never spans two partitions; <see cref="TableAuditLog"/> merges the three.
/// </summary>
internal sealed class AuditEntity : LedgerEntity
{
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Subject { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Note { get; set; }

    public static AuditEntity From(AuditEntry entry, string partition, string rowPrefix) => new()
    {
        PartitionKey = partition,
        RowKey = rowPrefix + LedgerKeys.Audit(entry.At, LedgerKeys.NewId()),
        At = entry.At,
        Actor = entry.Actor.Value,
        Action = entry.Action.ToString(),
        Subject = entry.Subject,
        Before = entry.Before,
        After = entry.After,
        Note = entry.Note,
    };

    public AuditEntry ToEntry() =>
        new(At, new MemberId(Actor), Enum.Parse<AuditAction>(Action), Subject, Before, After, Note);
}
