using RecognitionBot.Core.Storage;

namespace RecognitionBot.Hosting;

/// <summary>Creates the tables once at start-up, so no request path ever has to.</summary>
public sealed class StorageInitializer(TableStore tables, ILogger<StorageInitializer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await tables.CreateTablesAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < 5 && e is Azure.RequestFailedException or HttpRequestException)
            {
                log.LogWarning(e, "Storage not reachable at start-up (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
