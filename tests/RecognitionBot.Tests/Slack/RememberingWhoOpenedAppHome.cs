using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RecognitionBot.Core.Storage;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Slack;

/// <summary>
/// Who opened App Home is kept in storage, so a second instance republishes the home after a change it handles; a
/// "no" is remembered for a minute only, so someone who opens their home elsewhere is soon known here too.
/// </summary>
public sealed class RememberingWhoOpenedAppHome
{
    private readonly TableStore _tables = new(Options.Create(new StorageOptions
    {
        ConnectionString = Azurite.ConnectionString,
        TablePrefix = Azurite.UniquePrefix("homes"),
    }));

    private SlackHomeViewers Instance(TimeProvider time) => new(_tables, time, NullLogger<SlackHomeViewers>.Instance);

    [Fact]
    public async Task AHomeOpenedOnOneInstanceIsKnownToAnotherAndANoIsForgottenWithinAMinute()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-02T10:00:00Z"));
        using var first = Instance(time);
        using var second = Instance(time);

        Assert.False(await second.HasOpenedAsync("T1", "U1", default));
        await first.OpenedAsync("T1", "U1", default);

        // The second instance said no a moment ago, and keeps saying it for up to a minute...
        Assert.False(await second.HasOpenedAsync("T1", "U1", default));
        time.Advance(TimeSpan.FromSeconds(61));
        // ... then asks storage again.
        Assert.True(await second.HasOpenedAsync("T1", "U1", default));
        // Another person, and the same person in another workspace, have not opened theirs.
        Assert.False(await second.HasOpenedAsync("T1", "U2", default));
        Assert.False(await first.HasOpenedAsync("T2", "U1", default));
        var rows = _tables.Client(SlackHomeViewers.Table).QueryAsync<TableEntity>();
        Assert.Equal(["T1/U1"], await rows.Select(r => $"{r.PartitionKey}/{r.RowKey}").ToListAsync());
    }

    [Fact]
    public async Task OpeningAgainTheSameDayWritesNothing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-02T10:00:00Z"));
        using var viewers = Instance(time);
        await viewers.OpenedAsync("T1", "U1", default);
        var table = _tables.Client(SlackHomeViewers.Table);
        var etag = (await table.GetEntityAsync<TableEntity>("T1", "U1")).Value.ETag;

        time.Advance(TimeSpan.FromHours(3));
        await viewers.OpenedAsync("T1", "U1", default);

        Assert.Equal(etag, (await table.GetEntityAsync<TableEntity>("T1", "U1")).Value.ETag);
    }
}
