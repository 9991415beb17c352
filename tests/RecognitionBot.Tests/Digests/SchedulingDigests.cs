using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Digests;

/// <summary>When a subscription's digest is due, in its own zone, across daylight-saving changes. No storage.</summary>
public sealed class SchedulingDigests
{
    private static DigestSubscription At(DayOfWeek day, int hour, int minute, string zone) =>
        new(new WorkspaceId(Platform.Slack, "T1"), new ConversationRef("C1", ConversationKind.Channel), day, new TimeOnly(hour, minute), zone);

    [Theory]
    [InlineData("Europe/Rome", "2026-11-27T15:00:00Z")]           // Friday 16:00 CET
    [InlineData("America/New_York", "2026-11-27T21:00:00Z")]      // Friday 16:00 EST
    [InlineData("Asia/Kolkata", "2026-11-27T10:30:00Z")]          // Friday 16:00 IST, half-hour offset
    [InlineData("Pacific/Auckland", "2026-11-27T03:00:00Z")]      // Friday 16:00 NZDT
    [InlineData("UTC", "2026-11-27T16:00:00Z")]
    public void IsDueAtTheLocalDayAndTimeOfItsZone(string zone, string dueUtc)
    {
        var wednesday = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var (due, _) = SchedulingFor(At(DayOfWeek.Friday, 16, 0, zone), wednesday);
        Assert.Equal(DateTimeOffset.Parse(dueUtc, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void KeepsItsLocalTimeInTheWeekSummerTimeStarts()
    {
        // Europe switches to summer time on Sunday 29 March 2026: Friday 16:00 is still CET, the next Friday CEST.
        var before = SchedulingFor(At(DayOfWeek.Friday, 16, 0, "Europe/Stockholm"), new DateTimeOffset(2026, 3, 25, 0, 0, 0, TimeSpan.Zero)).Due;
        var after = SchedulingFor(At(DayOfWeek.Friday, 16, 0, "Europe/Stockholm"), new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)).Due;
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 15, 0, 0, TimeSpan.Zero), before);
        Assert.Equal(new DateTimeOffset(2026, 4, 3, 14, 0, 0, TimeSpan.Zero), after);
        Assert.Equal(TimeSpan.FromHours(167), after - before);
    }

    [Fact]
    public void ADigestSetInTheSkippedHourGoesOutRightAfterTheJump()
    {
        var (due, _) = SchedulingFor(At(DayOfWeek.Sunday, 2, 30, "Europe/Rome"), new DateTimeOffset(2026, 3, 26, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), due); // 03:00 CEST
    }

    [Fact]
    public void ADigestInTheRepeatedHourGoesOutOnce()
    {
        // 25 October 2026, 02:30 happens twice in Rome; the first (summer time) instant is chosen.
        var (due, _) = SchedulingFor(At(DayOfWeek.Sunday, 2, 30, "Europe/Rome"), new DateTimeOffset(2026, 10, 22, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void MayStillGoOutUntilTheEndOfTheLocalWeek()
    {
        var (_, weekEnd) = SchedulingFor(At(DayOfWeek.Friday, 16, 0, "Europe/Rome"), new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero), weekEnd); // Monday 00:00 CET
    }

    private static (DateTimeOffset Due, DateTimeOffset WeekEnd) SchedulingFor(DigestSubscription s, DateTimeOffset now) => DigestPublisher.DueThisWeek(s, now);
}
