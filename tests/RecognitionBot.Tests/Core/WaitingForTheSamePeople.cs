using Microsoft.Extensions.Options;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Storage;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core;

/// <summary>
/// A change that never got its turn on the same people (others held them past the lock wait) wrote nothing, so the
/// person is told "nothing was changed, try again" (busy), not "storage is slow, check your balance" nor "I can't
/// reach the ledger": the books show exactly the kudos that were answered as given.
/// </summary>
public sealed class WaitingForTheSamePeople
{
    [Fact]
    public async Task KudosThatNeverGotTheirTurnAreToldNothingChangedAndOnlyTheGivenOnesCount()
    {
        await using var h = new CoreHarness(configure: services =>
            ((IOptions<StorageOptions>)services.Last(d => d.ServiceType == typeof(IOptions<StorageOptions>)).ImplementationInstance!)
                .Value.LockWait = TimeSpan.FromMilliseconds(1));
        for (var i = 0; i < 20; i++) h.Directory.Add($"agent{i}");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            h.Recognition.HandleTextAsync(CoreHarness.As("ann"), $"<@agent{i}> +1 thanks for covering the queue", CancellationToken.None))));

        Assert.All(results, r => Assert.True(r is KudosGiven or Refused { Reason: Refusal.Busy }, r.ToString()));
        Assert.Contains(results, r => r is Refused);
        var given = results.Count(r => r is KudosGiven);
        Assert.Equal(given, Assert.IsType<BalanceView>(await h.Say("ann", "balance")).Allowance.Used);
        var earned = 0;
        for (var i = 0; i < 20; i++) earned += (await h.Member($"agent{i}")).Balance.Earned;
        Assert.Equal(given, earned);
    }
}
