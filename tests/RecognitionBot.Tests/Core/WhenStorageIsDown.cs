using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Storage;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core;

public sealed class WhenStorageIsDown
{
    [Fact]
    public async Task TheUserIsToldToTryAgainInsteadOfSeeingAFault()
    {
        // A loopback port nobody listens on: connections are refused at once.
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(
                Options.Create(new StorageOptions
                {
                    ConnectionString = Azurite.ConnectionStringFor(1),
                    TablePrefix = "down",
                    CommandBudget = TimeSpan.FromSeconds(30)
                }))
            .AddRecognitionCore()
            .BuildServiceProvider();
        var core = services.GetRequiredService<RecognitionService>();

        var result = await core.HandleTextAsync(CoreHarness.As("ann"), "<@bob> +10 thanks for the save", CancellationToken.None);

        Assert.Equal(Refusal.StorageUnavailable, Assert.IsType<Refused>(result).Reason);
        Assert.False(await services.GetRequiredService<TableStore>().IsReachableAsync(CancellationToken.None));
    }
}
