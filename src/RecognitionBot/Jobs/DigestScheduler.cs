using Microsoft.Extensions.Options;
using RecognitionBot.Core.Digests;

namespace RecognitionBot.Jobs;

/// <summary>Section <c>Digest</c>.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>How often due digests are looked for. A digest goes out within this much of its time.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Runs the digest publisher on a timer (of the injectable clock). Exactly-once is the publisher's job.</summary>
public sealed class DigestScheduler(DigestPublisher publisher, IOptions<DigestOptions> options, TimeProvider clock, ILogger<DigestScheduler> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                var published = await publisher.PublishDueAsync(stoppingToken);
                if (published > 0) log.LogInformation("Queued {Count} weekly digests", published);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Digest round failed; trying again at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
