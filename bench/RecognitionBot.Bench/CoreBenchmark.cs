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

    public static async Task<int> RunAsync(string connectionString, int kudosPerRun)
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

            var seqKudos = await MeasureAsync(kudosPerRun, 1, (i, _) => GiveAsync(core, workspace, channel, i, i, "s"));
            var parKudos = await MeasureAsync(kudosPerRun, 16, (i, worker) => GiveAsync(core, workspace, channel, i, worker, "p"));

            var raw = tables.Client("rawbatch");
            await raw.CreateIfNotExistsAsync();
            var entities = await SampleTransactionSizeAsync(core, tables);
            var seqRaw = await MeasureAsync(kudosPerRun, 1, (i, _) => RawTransactionAsync(raw, i, entities));
            var parRaw = await MeasureAsync(kudosPerRun, 16, (i, _) => RawTransactionAsync(raw, i, entities));

            Console.WriteLine($"Core benchmark on Azurite, {kudosPerRun} kudos per run, 1 recipient each, {entities} entities per transaction");
            Console.WriteLine($"{"",-28}{"kudos/s",10}{"raw tx/s",10}{"ratio",8}");
            Console.WriteLine($"{"sequential",-28}{seqKudos,10:F0}{seqRaw,10:F0}{seqKudos / seqRaw,8:F2}");
            Console.WriteLine($"{"16 concurrent givers",-28}{parKudos,10:F0}{parRaw,10:F0}{parKudos / parRaw,8:F2}");
            var ok = seqKudos / seqRaw >= 0.5 && parKudos / parRaw >= 0.5;
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
        if (to == from) to = $"U{(giver + 2) % Members:D4}";
        var result = await core.HandleTextAsync(new CommandContext(workspace, new MemberId(from), channel, $"{run}-{i}"),
            $"<@{to}> +1 thanks for taking that angry escalation #empathy", default);
        if (result is not KudosGiven) throw new InvalidOperationException($"Kudos {i} not given: {result}");
    }

    /// <summary>How many entities one real kudos transaction writes: every row of a fresh partition after one kudos.</summary>
    private static async Task<int> SampleTransactionSizeAsync(RecognitionService core, TableStore tables)
    {
        var fresh = new WorkspaceId(Platform.Slack, "TSIZE");
        await GiveAsync(core, fresh, new ConversationRef("C-size", ConversationKind.Channel), 0, 0, "size");
        var count = 0;
        await foreach (var _ in tables.Ledger.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {fresh.Key}"), select: ["RowKey"]))
            count++;
        return count;
    }

    private static async Task RawTransactionAsync(TableClient table, int i, int entities)
    {
        var pk = "raw";
        var actions = new List<TableTransactionAction>(entities);
        for (var e = 0; e < entities; e++)
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(pk, $"{i:D8}-{e:D2}")
            {
                ["Message"] = "thanks for taking that angry escalation #empathy",
                ["Points"] = 1,
                ["At"] = DateTimeOffset.UtcNow,
            }));
        await table.SubmitTransactionAsync(actions);
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
