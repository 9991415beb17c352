using System.Text;
using CsvHelper;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Dashboard;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Dashboard.Admin;

namespace RecognitionBot.Tests.Dashboard;

/// <summary>The export's CSV: RFC 4180 as CsvHelper reads it back, UTF-8 with a BOM, and no cell a spreadsheet would run as a formula.</summary>
public sealed class WritingTheExportCsv
{
    private static readonly DateTimeOffset At = new(2026, 11, 3, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("thanks = great", "thanks = great")]
    [InlineData("", "")]
    public async Task PrefixesTextThatWouldBeAFormula(string note, string read)
    {
        var export = new ExportView(ExportKind.Movements, default, default, At, At, "UTC", [],
            [new MovementExportRow(At, new MemberId("U2"), MovementKind.Received, 10, "k1", null, note)], []);

        var rows = await Rows(export);

        Assert.Equal(read, rows[1][6]);
    }

    [Fact]
    public async Task NumbersStayNumbers()
    {
        var export = new ExportView(ExportKind.Movements, default, default, At, At, "UTC", [],
            [new MovementExportRow(At, new MemberId("U2"), MovementKind.Withdrawn, -5, "-k1", null, null)], []);

        Assert.Equal(["2026-11-03T09:30:00Z,U2,Withdrawn,-5,\"'-k1\",,"], (await Lines(export))[1..]);
    }

    [Fact]
    public async Task WritesOneRowPerKudosThatReadsBackCellByCell()
    {
        var kudos = new KudosExportRow(At, "k1", new MemberId("U1"), [new MemberId("U2"), new MemberId("U3")], 10, 4, 24, ["#teamwork", "#empathy"],
            "=cmd|' /C calc'!A0, \"quoted\"\nand a new line, ciao è", "C1", ConversationKind.Channel, null, false, true);
        var export = new ExportView(ExportKind.Kudos, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), At, At, "Europe/Rome", [kudos], [], []);

        Assert.Equal(Encoding.UTF8.GetPreamble(), (await Bytes(export))[..3]);
        var rows = await Rows(export);
        Assert.Equal(2, rows.Count);
        Assert.Equal("given_at_utc", rows[0][0]);
        Assert.Equal(
            ["2026-11-03T09:30:00Z", "k1", "U1", "U2 U3", "10", "4", "24", "#teamwork #empathy", "'=cmd|' /C calc'!A0, \"quoted\"\nand a new line, ciao è",
                "C1", "Channel", "", "false", "true"],
            rows[1]);
        Assert.Equal("kudos-2026-11-01-to-2026-12-01.csv", CsvExport.FileName(export));
    }

    [Fact]
    public async Task WritesMovementsAndRedemptionsWithTheirOwnColumns()
    {
        var movements = new ExportView(ExportKind.Movements, default, default, At, At, "UTC",
            [], [new MovementExportRow(At, new MemberId("U2"), MovementKind.Received, 10, "k1", new MemberId("U1"), "@here thanks")], []);
        var redemptions = new ExportView(ExportKind.Redemptions, default, default, At, At, "UTC", [], [],
            [new RedemptionExportRow(At, "r1", new MemberId("U2"), "coffee", "+Coffee", 30, RecognitionBot.Core.Rewards.RedemptionState.Rejected,
                new MemberId("U9"), At.AddHours(1), "-not now")]);

        Assert.Equal(["at_utc,member,kind,points,reference,counterparty,note", "2026-11-03T09:30:00Z,U2,Received,10,k1,U1,\"'@here thanks\""],
            await Lines(movements));
        Assert.Equal(
            ["requested_at_utc,redemption_id,requester,reward_id,reward_name,cost,state,decided_by,decided_at_utc,reason",
                "2026-11-03T09:30:00Z,r1,U2,coffee,\"'+Coffee\",30,Rejected,U9,2026-11-03T10:30:00Z,\"'-not now\""],
            await Lines(redemptions));
    }

    private static async Task<byte[]> Bytes(ExportView export)
    {
        using var stream = new MemoryStream();
        await CsvExport.WriteAsync(export, stream, CancellationToken.None);
        return stream.ToArray();
    }

    private static async Task<string[]> Lines(ExportView export) =>
        Encoding.UTF8.GetString(await Bytes(export)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The file as CsvHelper reads it back: every record, the header first.</summary>
    private static async Task<List<string[]>> Rows(ExportView export)
    {
        using var reader = CsvReader.Create(await Bytes(export), new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (await reader.ReadAsync(CancellationToken.None)) rows.Add(reader.Current.ToArray());
        return rows;
    }
}
