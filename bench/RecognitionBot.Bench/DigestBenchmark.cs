using System.Diagnostics;
using System.Text.Json;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecognitionBot.Core;
using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Bench;

/// <summary>
/// A workspace with many members and a long history, written straight into Azurite in the ledger's own row format;
/// then the digest of one busy week is timed, with the entities it read, at growing history sizes.
/// </summary>
public static class DigestBenchmark
{
    private static readonly string[] Values = ["#empathy", "#ownership", "#teamwork", "#customer-first", "#above-and-beyond"];

    public static async Task<int> RunAsync(string connectionString, int members, int history, int week, int steps)
    {
        var counter = new EntityCounter();
        var due = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero); // Friday 16:00 UTC
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Error))
            .AddSingleton(
                Options.Create(new StorageOptions { ConnectionString = connectionString, TablePrefix = "digest" + Guid.NewGuid().ToString("N")[..6] }))
            .AddSingleton<HttpPipelinePolicy>(counter)
            .AddSingleton<TimeProvider>(new FixedClock(due.AddMinutes(1)))
            .AddRecognitionCore()
            .AddSingleton<IChannelRoster>(new EveryoneRoster(members))
            .BuildServiceProvider();
        var tables = services.GetRequiredService<TableStore>();
        await tables.CreateTablesAsync(default);
        // Bulk writes get their own client: Azurite slows down as its in-memory store grows, so give them time.
        var writerOptions = new TableClientOptions();
        writerOptions.Retry.NetworkTimeout = TimeSpan.FromMinutes(2);
        var writer = new TableClient(connectionString, tables.Ledger.Name, writerOptions);
        var workspace = new WorkspaceId(Platform.Slack, "TDIGEST");
        var pk = workspace.Key;
        try
        {
            var sw = Stopwatch.StartNew();
            await WriteAsync(writer, Enumerable.Range(0, members).Select(i => (ITableEntity)new MemberEntity
            {
                PartitionKey = pk,
                RowKey = LedgerKeys.Member(Member(i)),
                MemberId = Member(i).Value,
                IsManager = i % 500 == 0,
                KudosReceived = 1,
                LastKudosAt = i % 3 == 0 ? due.AddDays(-60) : due.AddDays(-3),
            }));
            Console.WriteLine($"wrote {members:N0} members in {sw.Elapsed.TotalSeconds:F1} s");

            var weekStart = due.AddDays(-7);
            sw.Restart();
            await WriteAsync(writer, Kudos(pk, week, weekStart, due, members, seed: 1));
            Console.WriteLine($"wrote {week:N0} kudos in the measured week in {sw.Elapsed.TotalSeconds:F1} s");

            await services.GetRequiredService<DigestSubscriptions>().SaveAsync(
                new DigestSubscription(workspace, new ConversationRef("C-floor", ConversationKind.Channel), DayOfWeek.Friday, new TimeOnly(16, 0), "UTC"),
                    default);
            await services.GetRequiredService<WorkspaceStore>().GetAsync(workspace, default);

            Console.WriteLine();
            Console.WriteLine($"{"history kudos",14}{"digest ms",11}{"entities",10}{"requests",10}{"with gaps ms",14}{"entities",10}");
            var written = 0;
            var perStep = steps == 0 ? 0 : history / steps;
            for (var step = 0; step <= steps; step++)
            {
                if (step > 0)
                {
                    // Older history: the 52 weeks before the measured one.
                    sw.Restart();
                    await WriteAsync(writer, Kudos(pk, perStep, weekStart.AddDays(-364), weekStart, members, seed: 100 + step));
                    written += perStep;
                    Console.Error.WriteLine($"  (wrote {perStep:N0} history kudos in {sw.Elapsed.TotalSeconds:F1} s)");
                }
                var builder = services.GetRequiredService<DigestBuilder>();
                counter.Reset();
                sw.Restart();
                var digest = await builder.BuildAsync(workspace, new ConversationRef("C-floor", ConversationKind.Channel), weekStart, due, "2026-W48", default);
                var digestMs = sw.Elapsed.TotalMilliseconds;
                var (entities, requests) = (counter.Entities, counter.Requests);
                if (digest.KudosCount != week) throw new InvalidOperationException($"digest counted {digest.KudosCount}, expected {week}");

                var publisher = services.GetRequiredService<DigestPublisher>();
                await ClearClaimAsync(tables.Ledger, pk);
                counter.Reset();
                sw.Restart();
                if (await publisher.PublishDueAsync(default) != 1) throw new InvalidOperationException("the digest was not published");
                Console.WriteLine(
                    $"{written,14:N0}{digestMs,11:F0}{entities,10:N0}{requests,10:N0}{sw.Elapsed.TotalMilliseconds,14:F0}{counter.Entities,10:N0}");
            }
            return 0;
        }
        finally
        {
            foreach (var t in tables.All) await t.DeleteAsync();
        }
    }

    private static MemberId Member(int i) => new($"U{i:D6}");

    private static IEnumerable<ITableEntity> Kudos(string pk, int count, DateTimeOffset from, DateTimeOffset to, int members, int seed)
    {
        var random = new Random(seed);
        var span = (to - from).Ticks;
        for (var i = 0; i < count; i++)
        {
            var at = from.AddTicks((long)(random.NextDouble() * span));
            var id = $"{seed:D3}{i:D9}";
            var giver = random.Next(members);
            var recipients = new[] { Member((giver + 1 + random.Next(members - 1)) % members).Value };
            yield return new KudosEntity
            {
                PartitionKey = pk,
                RowKey = LedgerKeys.Kudos(at, id),
                KudosId = id,
                Giver = Member(giver).Value,
                Recipients = JsonSerializer.Serialize(recipients),
                Points = 1 + random.Next(20),
                Message = "thanks for taking that angry escalation and turning it around",
                Values = JsonSerializer.Serialize(new[] { Values[random.Next(Values.Length)] }),
                ConversationId = "C-floor",
                ConversationKind = nameof(ConversationKind.Channel),
                GivenAt = at,
                Private = random.Next(20) == 0,
            };
        }
    }

    /// <summary>Writes rows in full transactions of 100, four at a time: about as fast as Azurite takes them.</summary>
    private static async Task WriteAsync(TableClient table, IEnumerable<ITableEntity> rows)
    {
        var gate = new SemaphoreSlim(4);
        var pending = new List<Task>();
        foreach (var chunk in rows.Chunk(100))
        {
            await gate.WaitAsync();
            pending.Add(Task.Run(async () =>
            {
                try
                {
                    await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
                }
                finally
                {
                    gate.Release();
                }
            }));
            if (pending.Count > 64)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }
        await Task.WhenAll(pending);
    }

    private static async Task ClearClaimAsync(TableClient ledger, string pk)
    {
        // Each step publishes the same week again: forget the previous claim and posts.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {pk} and ((RowKey ge {"once|"} and RowKey lt {"once}"}) or (RowKey ge {"outbox|"} and RowKey lt {"outbox}"}))");
        await foreach (var e in ledger.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"]))
            await ledger.DeleteEntityAsync(e.PartitionKey, e.RowKey);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class EveryoneRoster(int members) : IChannelRoster
    {
        public Platform Platform => Platform.Slack;

        public Task<IReadOnlyList<MemberId>> MembersAsync(WorkspaceId workspace, ConversationRef conversation, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<MemberId>>(Enumerable.Range(0, members).Select(Member).ToList());
    }
}
