using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Dashboard;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>
/// An export's rows as RFC 4180 CSV (CsvHelper), UTF-8 with a byte order mark so spreadsheets read the accents.
/// Column names are fixed English identifiers (a file is read by scripts as much as by people); times are UTC in ISO 8601.
/// Any cell that begins with <c>= + - @</c>, a tab or a carriage return gets a leading apostrophe, so a spreadsheet
/// shows it as text and never runs it as a formula (CSV injection): typed words reach these files.
/// </summary>
public static class CsvExport
{
    public static string FileName(ExportView export) =>
        $"kudos-{export.Kind.ToString().ToLowerInvariant()}-{export.From:yyyy-MM-dd}-to-{export.To:yyyy-MM-dd}.csv";

    public static async Task WriteAsync(ExportView export, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        switch (export.Kind)
        {
            case ExportKind.Kudos:
                Header(csv, "given_at_utc", "kudos_id", "giver", "recipients", "points_each", "add_on_points", "total_points", "values", "message",
                    "conversation_id", "conversation_kind", "team_id", "private", "withdrawn");
                foreach (var k in export.Kudos)
                    await Row(csv, cancellationToken, Time(k.GivenAt), k.Id, k.Giver.Value, string.Join(' ', k.Recipients.Select(r => r.Value)),
                        Number(k.Points), Number(k.AddOnPoints), Number(k.Total), string.Join(' ', k.Values), k.Message, k.ConversationId,
                        k.ConversationKind.ToString(), k.TeamId, Flag(k.Private), Flag(k.Withdrawn));
                break;
            case ExportKind.Movements:
                Header(csv, "at_utc", "member", "kind", "points", "reference", "counterparty", "note");
                foreach (var m in export.Movements)
                    await Row(csv, cancellationToken, Time(m.At), m.Member.Value, m.Kind.ToString(), Number(m.Points), m.Reference,
                        m.Counterparty?.Value, m.Note);
                break;
            case ExportKind.Redemptions:
                Header(csv, "requested_at_utc", "redemption_id", "requester", "reward_id", "reward_name", "cost", "state", "decided_by",
                    "decided_at_utc", "reason");
                foreach (var r in export.Redemptions)
                    await Row(csv, cancellationToken, Time(r.RequestedAt), r.Id, r.Requester.Value, r.RewardId, r.RewardName, Number(r.Cost),
                        r.State.ToString(), r.DecidedBy?.Value, r.DecidedAt is { } at ? Time(at) : null, r.Reason);
                break;
        }
        await csv.FlushAsync();
    }

    /// <summary>A cell as written: one that a spreadsheet would take for a formula is prefixed with an apostrophe.</summary>
    /// <remarks>A plain number (<c>-5</c>) is no formula and stays a number.</remarks>
    public static string Safe(string? cell) =>
        string.IsNullOrEmpty(cell) ? ""
        : cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;

    private static void Header(CsvWriter csv, params string[] names)
    {
        foreach (var name in names) csv.WriteField(name);
        csv.NextRecord();
    }

    private static async Task Row(CsvWriter csv, CancellationToken cancellationToken, params string?[] cells)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var cell in cells) csv.WriteField(Safe(cell));
        await csv.NextRecordAsync();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "true" : "false";
}
