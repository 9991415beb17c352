using System.Globalization;
using CsvHelper;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Dashboard;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>
/// An export's rows as RFC 4180 CSV (CsvHelper), UTF-8 with a byte order mark so spreadsheets read the accents.
/// Column names are fixed English identifiers (a file is read by scripts as much as by people); times are UTC in ISO 8601.
/// A text cell that begins with <c>= + - @</c>, a tab or a carriage return gets a leading apostrophe (CsvHelper's
/// injection escape), so a spreadsheet shows it as text and never runs it as a formula; numbers stay numbers.
/// </summary>
public static class CsvExport
{
    public static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
        TrueValue = "true",
        FalseValue = "false",
    };

    /// <summary>kudos-2026-11-01-to-2026-12-01.csv, kudos-movements-..., kudos-redemptions-...</summary>
    public static string FileName(ExportView export) =>
        $"kudos-{(export.Kind == ExportKind.Kudos ? "" : export.Kind.ToString().ToLowerInvariant() + "-")}"
        + $"{export.From:yyyy-MM-dd}-to-{export.To:yyyy-MM-dd}.csv";

    public static async Task WriteAsync(ExportView export, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        switch (export.Kind)
        {
            case ExportKind.Kudos:
                csv.WriteHeader(["given_at_utc", "kudos_id", "giver", "recipients", "points_each", "add_on_points", "total_points", "values", "message",
                    "conversation_id", "conversation_kind", "team_id", "private", "withdrawn"]);
                foreach (var k in export.Kudos)
                {
                    Text(csv, Time(k.GivenAt), k.Id, k.Giver.Value, string.Join(' ', k.Recipients.Select(r => r.Value)));
                    Numbers(csv, k.Points, k.AddOnPoints, k.Total);
                    Text(csv, string.Join(' ', k.Values), k.Message, k.ConversationId, k.ConversationKind.ToString(), k.TeamId);
                    csv.WriteField(k.Private);
                    csv.WriteField(k.Withdrawn);
                    await csv.EndRecordAsync(cancellationToken);
                }
                break;
            case ExportKind.Movements:
                csv.WriteHeader(["at_utc", "member", "kind", "points", "reference", "counterparty", "note"]);
                foreach (var m in export.Movements)
                {
                    Text(csv, Time(m.At), m.Member.Value, m.Kind.ToString());
                    Numbers(csv, m.Points);
                    Text(csv, m.Reference, m.Counterparty?.Value, m.Note);
                    await csv.EndRecordAsync(cancellationToken);
                }
                break;
            case ExportKind.Redemptions:
                csv.WriteHeader(["requested_at_utc", "redemption_id", "requester", "reward_id", "reward_name", "cost", "state", "decided_by",
                    "decided_at_utc", "reason"]);
                foreach (var r in export.Redemptions)
                {
                    Text(csv, Time(r.RequestedAt), r.Id, r.Requester.Value, r.RewardId, r.RewardName);
                    Numbers(csv, r.Cost);
                    Text(csv, r.State.ToString(), r.DecidedBy?.Value, r.DecidedAt is { } at ? Time(at) : null, r.Reason);
                    await csv.EndRecordAsync(cancellationToken);
                }
                break;
        }
        await csv.FlushAsync(cancellationToken);
    }

    private static void Text(CsvWriter csv, params string?[] cells)
    {
        foreach (var cell in cells) csv.WriteField(cell ?? "");
    }

    private static void Numbers(CsvWriter csv, params int[] numbers)
    {
        foreach (var n in numbers) csv.WriteField(n, "");
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
