using Microsoft.Extensions.Options;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Jobs;

/// <summary>Section <c>Retention</c>: how long handled deliveries (<c>once|</c> rows) are kept, and the cleanup's pace.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Far longer than any platform retry (Slack's within minutes, Teams' likewise) and than a week, so a digest's
    /// claim outlives the week it is for.
    /// </summary>
    public TimeSpan HandledDeliveries { get; set; } = TimeSpan.FromDays(8);

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per workspace and round at most: the work of one round stays small whatever piled up.</summary>
    public int MaxPerWorkspace { get; set; } = 500;
}

/// <summary>Deletes handled-delivery rows past their retention, a bounded number per workspace each round.</summary>
public sealed class HandledDeliveryCleanup(
    TableLedger ledger, WorkspaceStore workspaces, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<HandledDeliveryCleanup> log)
    : BackgroundService
{
    /// <summary>One round over every workspace; returns how many rows went.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var before = clock.GetUtcNow() - settings.HandledDeliveries;
        var deleted = 0;
        await foreach (var workspace in workspaces.ListAsync(cancellationToken))
            deleted += await ledger.ForgetHandledBeforeAsync(workspace, before, settings.MaxPerWorkspace, cancellationToken);
        if (deleted > 0) log.LogInformation("Deleted {Count} handled-delivery rows older than {Before}", deleted, before);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Handled-delivery cleanup failed; trying again at the next round");
            }
        }
    }
}
