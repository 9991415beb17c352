using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Storage;
using RecognitionBot.Tests.Infrastructure;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// Storage that stops answering (a real Azurite frozen with SIGSTOP) while people keep sending /kudos: each is told
/// to try again within Slack's 3 seconds, nothing changes, and once storage is back everything works as before.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class WhenStorageStalls : IAsyncLifetime
{
    private static readonly string[] Senders = ["U0001", "U0003", "U0004", "U0005", "U0006", "U0007", "U0008"];

    // Slack's ack deadline: an answer later than this is an error shown to the person.
    private static readonly TimeSpan SlackDeadline = TimeSpan.FromSeconds(3);

    private OwnAzurite _storage = null!;
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync()
    {
        _storage = await OwnAzurite.StartAsync();
        _app = await SlackAppDriver.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = _storage.ConnectionString,
            ["Storage:CommandBudget"] = new StorageOptions().CommandBudget.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        _storage.Resume();
        await _app.DisposeAsync();
        _storage.Dispose();
    }

    /// <summary>The workspace's ledger rows (row key → ETag), without the outbox's, which come and go as posts are made.</summary>
    private async Task<IReadOnlyDictionary<string, string>> LedgerRowsAsync()
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var table = _app.Host.Services.GetRequiredService<TableStore>().Ledger;
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Workspace.Key}")))
            if (!e.RowKey.StartsWith("outbox|", StringComparison.Ordinal)) rows[e.RowKey] = e.ETag.ToString();
        return rows;
    }

    private async Task<(string Said, TimeSpan Took)[]> EveryoneGivesAsync(string message) =>
        await Task.WhenAll(Senders.Select(async sender =>
        {
            var watch = Stopwatch.StartNew();
            var reply = await _app.CommandAsync(sender, $"<@U0002> +5 {message}");
            return (Said(reply), watch.Elapsed);
        }));

    [Fact]
    public async Task EveryoneIsToldToTryAgainInTimeAndPointsStayConservedOnceStorageIsBack()
    {
        Assert.Contains("<@U0002>", Said(await _app.CommandAsync("U0001", "<@U0002> +5 before the stall")));
        await _app.OutboxDrainedAsync();

        _storage.Pause();
        var stalled = await EveryoneGivesAsync("during the stall");
        var balance = Stopwatch.StartNew();
        var stalledBalance = Said(await _app.CommandAsync("U0003", "balance"));
        var balanceTook = balance.Elapsed;
        _storage.Resume();

        Assert.All(stalled, r => Assert.True(r.Took < SlackDeadline, $"answered after {r.Took.TotalMilliseconds:F0} ms"));
        // Past the budget: "check your balance before you try again" (a write sent may still commit when storage
        // wakes up); a request the SDK itself gave up on first: "try again in a minute".
        Assert.All(stalled, r => Assert.Contains("try again", r.Said, StringComparison.Ordinal));
        Assert.True(balanceTook < SlackDeadline, $"balance answered after {balanceTook.TotalMilliseconds:F0} ms");
        Assert.Contains("try again", stalledBalance, StringComparison.Ordinal);

        var after = await EveryoneGivesAsync("after the stall");

        Assert.All(after, r => Assert.Contains("<@U0002>", r.Said));
        Assert.All(after, r => Assert.DoesNotContain("try again", r.Said, StringComparison.Ordinal));
        var received = (await _app.BalanceAsync("U0002")).Balance.Available;
        var given = 0;
        foreach (var sender in Senders) given += (await _app.BalanceAsync(sender)).Allowance.Used;
        Assert.Equal(received, given);
        // The one before, everyone's after, and each stalled one at most once.
        Assert.InRange(received, 5 * (1 + Senders.Length), 5 * (1 + 2 * Senders.Length));
    }
}
