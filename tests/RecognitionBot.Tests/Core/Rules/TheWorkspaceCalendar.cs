using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Rules;

public sealed class TheWorkspaceCalendar
{
    private static readonly TimeZoneInfo Rome = Clock.FindZone("Europe/Rome");
    private static readonly TimeZoneInfo Auckland = Clock.FindZone("Pacific/Auckland");

    [Fact]
    public void AMonthlyPeriodFollowsTheWorkspaceZone()
    {
        var lastMinuteOfNovemberInRome = new DateTimeOffset(2026, 11, 30, 22, 59, 0, TimeSpan.Zero);
        Assert.Equal("2026-11", Clock.PeriodKey(lastMinuteOfNovemberInRome, Rome, AllowancePeriod.Monthly));
        Assert.Equal("2026-12", Clock.PeriodKey(lastMinuteOfNovemberInRome.AddMinutes(1), Rome, AllowancePeriod.Monthly));
        Assert.Equal("2026-12", Clock.PeriodKey(lastMinuteOfNovemberInRome, Auckland, AllowancePeriod.Monthly));
    }

    [Fact]
    public void AWeeklyPeriodIsTheIsoWeekAndResetsOnMondayMidnight()
    {
        var sunday = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal("2026-W48", Clock.PeriodKey(sunday, TimeZoneInfo.Utc, AllowancePeriod.Weekly));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), Clock.PeriodEnd(sunday, TimeZoneInfo.Utc, AllowancePeriod.Weekly));
    }

    [Fact]
    public void TheResetInstantAccountsForDaylightSaving()
    {
        // 1 April 00:00 in Rome is summer time (UTC+2); 1 November 00:00 is winter time (UTC+1).
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero),
            Clock.PeriodEnd(new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), Rome, AllowancePeriod.Monthly));
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero),
            Clock.PeriodEnd(new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.Zero), Rome, AllowancePeriod.Monthly));
    }

    [Fact]
    public void ALocalTimeSkippedByTheSpringJumpHappensRightAfterIt()
    {
        var skipped = new DateTime(2026, 3, 29, 2, 30, 0); // 02:00-03:00 does not exist in Rome that night
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), Clock.ToUtc(skipped, Rome));
    }

    [Fact]
    public void AnUnknownZoneFallsBackToUtc()
    {
        Assert.Equal(TimeZoneInfo.Utc, Clock.FindZone("Mars/Olympus"));
    }
}
