using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecognitionBot.Core.Storage;
using RecognitionBot.Jobs;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// Handled deliveries (<c>once|</c> rows: delivery keys and digest claims) are kept 8 days, far past any platform
/// retry and the week a digest claim is for, then deleted a bounded number per round; nothing else is touched.
/// </summary>
public sealed class ForgettingHandledDeliveries : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SlackAppDriver _app = null!;

    // The hosted round waits a (fake) month, so only the test's rounds run.
    public async Task InitializeAsync() =>
        _app = await SlackAppDriver.StartAsync(
            new Dictionary<string, string?> { ["Retention:Interval"] = "30.00:00:00", ["Retention:MaxPerWorkspace"] = "2" },
            s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HandledDeliveryCleanup Cleanup => _app.Host.Services.GetRequiredService<HandledDeliveryCleanup>();

    private async Task<SortedDictionary<string, string>> RowsAsync()
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var table = _app.Host.Services.GetRequiredService<TableStore>().Ledger;
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Workspace.Key}")))
            if (!e.RowKey.StartsWith("outbox|", StringComparison.Ordinal)) rows[e.RowKey] = e.ETag.ToString();
        return rows;
    }

    private static Dictionary<string, string> Others(IDictionary<string, string> rows) =>
        rows.Where(r => !r.Key.StartsWith("once|", StringComparison.Ordinal)).ToDictionary();

    [Fact]
    public async Task KeepsThemForTheRetentionThenDeletesABoundedNumberPerRoundAndNothingElse()
    {
        await _app.CommandAsync("U0001", "<@U0002> +5 for the first save");
        await _app.CommandAsync("U0003", "<@U0002> +5 for the second save");
        await _app.CommandAsync("U0004", "<@U0002> +5 for the third save");
        await _app.OutboxDrainedAsync();
        var before = await RowsAsync();
        var handled = before.Keys.Count(k => k.StartsWith("once|", StringComparison.Ordinal));
        Assert.True(handled > 2, $"only {handled} handled-delivery rows to clean up: {string.Join(", ", before.Keys)}");

        _clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await Cleanup.RunOnceAsync(CancellationToken.None));
        Assert.Equal(before, await RowsAsync());

        _clock.Advance(TimeSpan.FromDays(2));
        var rounds = new List<int>();
        while (await Cleanup.RunOnceAsync(CancellationToken.None) is var deleted and > 0) rounds.Add(deleted);

        // Retention:MaxPerWorkspace is 2 here.
        Assert.Equal(handled, rounds.Sum());
        Assert.All(rounds, r => Assert.InRange(r, 1, 2));
        Assert.Equal((handled + 1) / 2, rounds.Count);

        var after = await RowsAsync();
        Assert.DoesNotContain(after.Keys, k => k.StartsWith("once|", StringComparison.Ordinal));
        Assert.Equal(Others(before), Others(after));
        Assert.Equal(15, (await _app.BalanceAsync("U0002")).Balance.Available);
    }
}
