using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Bench;

/// <summary>
/// Kudos per second through the whole core (parse, rules, reads, one transaction), sequential and with 16
/// concurrent givers, against raw entity group transactions of the same size on the same Azurite, in one run.
/// </summary>
public static class CoreBenchmark
{
    private const int Members = 400;

    public static async Task<int> RunAsync(string connectionString, int kudosPerRun, int rounds)
    {
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Error))
            .AddSingleton(Options.Create(new StorageOptions { ConnectionString = connectionString, TablePrefix = prefix }))
            .AddRecognitionCore()
            .AddSingleton<IMemberDirectory, EveryoneDirectory>()
            .BuildServiceProvider();
        var tables = services.GetRequiredService<TableStore>();
        await tables.CreateTablesAsync(default);
        var core = services.GetRequiredService<RecognitionService>();
        try
        {
            var workspace = new WorkspaceId(Platform.Slack, "TBENCH");
            // Generous rules so the benchmark measures the work, not refusals.
            await services.GetRequiredService<WorkspaceStore>().UpdateAsync(workspace,
                s => s with { Allowance = 1_000_000, PairDailyCap = 1_000_000 }, default);
            var channel = new ConversationRef("C-bench", ConversationKind.Channel);

            // Warm up connections, JIT and the settings cache.
            await GiveAsync(core, workspace, channel, 0, 0, "warm");

            var raw = tables.Client("rawbatch");
            await raw.CreateIfNotExistsAsync();
            var sample = await SampleTransactionAsync(core, tables);

            // Rounds alternate the kudos and raw runs, so a busy moment of the machine hits both; medians are shown.
            var rows = new Dictionary<string, List<(double Kudos, double Raw)>>();
            void Add(string name, double kudos, double rawRate) => (rows.TryGetValue(name, out var l) ? l : rows[name] = []).Add((kudos, rawRate));
            for (var round = 0; round < rounds; round++)
            {
                var tag = $"r{round}";
                var seqRaw = await MeasureAsync(kudosPerRun, 1, (i, _) => RawTransactionAsync(raw, i, sample, tag + "s"));
                // First touch: giver and recipient rows are read from storage (nothing this instance remembers yet).
                Add("sequential, first touch", await MeasureAsync(Members, 1, (i, _) => GiveAsync(core, workspace, channel, i, i, tag + "c")), seqRaw);
                Add("sequential", await MeasureAsync(kudosPerRun, 1, (i, _) => GiveAsync(core, workspace, channel, i, i, tag + "s")), seqRaw);
                var parRaw = await MeasureAsync(kudosPerRun, 16, (i, _) => RawTransactionAsync(raw, i, sample, tag + "p"));
                Add("16 concurrent givers", await MeasureAsync(kudosPerRun, 16, (i, worker) => GiveAsync(core, workspace, channel, i, worker, tag + "p")), parRaw);
            }

            Console.WriteLine($"Core benchmark on Azurite: {rounds} rounds of {kudosPerRun} kudos (1 recipient each); raw = the same {sample.Count} rows one kudos writes, as one plain transaction. Medians:");
            Console.WriteLine($"{"",-28}{"kudos/s",10}{"raw tx/s",10}{"ratio",8}");
            foreach (var (name, list) in rows)
            {
                var k = Median(list.Select(x => x.Kudos));
                var r = Median(list.Select(x => x.Raw));
                Console.WriteLine($"{name,-28}{k,10:F0}{r,10:F0}{k / r,8:F2}");
            }
            var ok = rows.Where(x => x.Key != "sequential, first touch").All(x => Median(x.Value.Select(v => v.Kudos)) / Median(x.Value.Select(v => v.Raw)) >= 0.5);
            Console.WriteLine(ok ? "goal met: kudos/s is at least half the raw transaction rate" : "goal NOT met: kudos/s is below half the raw transaction rate");
            return 0;
        }
        finally
        {
            foreach (var t in tables.All.Append(tables.Client("rawbatch"))) await t.DeleteAsync();
        }
    }

    private static async Task GiveAsync(RecognitionService core, WorkspaceId workspace, ConversationRef channel, int i, int giver, string run)
    {
        var from = $"U{giver % Members:D4}";
        var to = $"U{(giver + 1 + i * 7) % Members:D4}";
        if (run.EndsWith('c')) (from, to) = ($"C{run}-{i:D4}", $"R{run}-{i:D4}"); // both new to this instance
        if (to == from) to = $"U{(giver + 2) % Members:D4}";
        var result = await core.HandleTextAsync(new CommandContext(workspace, new MemberId(from), channel, DeliveryKey.Of($"{run}-{i}")),
            $"<@{to}> +1 thanks for taking that angry escalation #empathy", default);
        if (result is not KudosGiven) throw new InvalidOperationException($"Kudos {i} not given: {result}");
    }

    /// <summary>The rows one real kudos transaction writes: every row of a fresh partition after one kudos, as stored.</summary>
    private static async Task<IReadOnlyList<TableEntity>> SampleTransactionAsync(RecognitionService core, TableStore tables)
    {
        var fresh = new WorkspaceId(Platform.Slack, "TSIZE");
        await GiveAsync(core, fresh, new ConversationRef("C-size", ConversationKind.Channel), 0, 0, "size");
        var rows = new List<TableEntity>();
        await foreach (var e in tables.Ledger.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {fresh.Key}")))
            rows.Add(e);
        return rows;
    }

    /// <summary>The same rows, same properties and sizes, written as one plain transaction under new keys.</summary>
    private static async Task RawTransactionAsync(TableClient table, int i, IReadOnlyList<TableEntity> sample, string run)
    {
        var actions = sample.Select(row =>
        {
            var copy = new TableEntity(row) { PartitionKey = "raw", RowKey = $"{row.RowKey}|{run}{i:D8}" };
            copy.Remove("odata.etag");
            copy.Remove("Timestamp");
            return new TableTransactionAction(TableTransactionActionType.UpsertReplace, copy);
        });
        await table.SubmitTransactionAsync(actions);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static async Task<double> MeasureAsync(int count, int workers, Func<int, int, Task> work)
    {
        var next = -1;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) await work(i, w);
        })));
        return count / sw.Elapsed.TotalSeconds;
    }

    private sealed class EveryoneDirectory : IMemberDirectory
    {
        public Platform Platform => Platform.Slack;

        public Task<MemberProfile?> FindAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken) =>
            Task.FromResult<MemberProfile?>(new MemberProfile(member, member.Value, false, false, false));
    }
}
