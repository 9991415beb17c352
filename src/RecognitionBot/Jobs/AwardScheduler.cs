using Microsoft.Extensions.Options;
using RecognitionBot.Core.Awards;

namespace RecognitionBot.Jobs;

/// <summary>
/// Runs the award publisher on a timer (of the injectable clock), as often as the digest looks for due digests
/// (<see cref="DigestOptions.Interval"/>): an award card goes out within that much of its month's start. Exactly-once
/// is the publisher's job.
/// </summary>
public sealed class AwardScheduler(AwardPublisher publisher, IOptions<DigestOptions> options, TimeProvider clock, ILogger<AwardScheduler> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                var opened = await publisher.PublishDueAsync(stoppingToken);
                if (opened > 0) log.LogInformation("Opened {Count} awards", opened);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Award round failed; trying again at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
