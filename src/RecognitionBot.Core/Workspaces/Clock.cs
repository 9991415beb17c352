using System.Globalization;
using RecognitionBot.Core.Commands;

namespace RecognitionBot.Core.Workspaces;

/// <summary>Calendar arithmetic in a workspace's zone: allowance periods, days for the pair cap, weeks.</summary>
public static class Clock
{
    public static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTime Local(DateTimeOffset utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(utc, zone).DateTime;

    /// <summary>The allowance period containing <paramref name="utc"/>, e.g. <c>2026-11</c> or <c>2026-W48</c>.</summary>
    public static string PeriodKey(DateTimeOffset utc, TimeZoneInfo zone, AllowancePeriod period)
    {
        var local = Local(utc, zone);
        return period == AllowancePeriod.Monthly
            ? local.ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : $"{ISOWeek.GetYear(local):D4}-W{ISOWeek.GetWeekOfYear(local):D2}";
    }

    /// <summary>When the period containing <paramref name="utc"/> ends (the next reset), as an instant.</summary>
    public static DateTimeOffset PeriodEnd(DateTimeOffset utc, TimeZoneInfo zone, AllowancePeriod period)
    {
        var local = Local(utc, zone).Date;
        var next = period == AllowancePeriod.Monthly
            ? new DateTime(local.Year, local.Month, 1).AddMonths(1)
            : WeekStart(local).AddDays(7);
        return ToUtc(next, zone);
    }

    /// <summary>The local calendar day, e.g. <c>20261127</c>, used by the per-pair daily cap.</summary>
    public static string DayKey(DateTimeOffset utc, TimeZoneInfo zone) =>
        Local(utc, zone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Monday 00:00 of the ISO week holding the local date.</summary>
    public static DateTime WeekStart(DateTime local)
    {
        var offset = ((int)local.DayOfWeek + 6) % 7;
        return local.Date.AddDays(-offset);
    }

    /// <summary>The instant a local wall-clock time happens; a time skipped by a DST jump moves forward past it.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>[start, end) of the local week or month containing <paramref name="utc"/>.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Range(DateTimeOffset utc, TimeZoneInfo zone, LeaderboardPeriod period)
    {
        var local = Local(utc, zone).Date;
        return period switch
        {
            LeaderboardPeriod.Week => (ToUtc(WeekStart(local), zone), ToUtc(WeekStart(local).AddDays(7), zone)),
            LeaderboardPeriod.Month => (ToUtc(new DateTime(local.Year, local.Month, 1), zone),
                ToUtc(new DateTime(local.Year, local.Month, 1).AddMonths(1), zone)),
            _ => (DateTimeOffset.MinValue, DateTimeOffset.MaxValue),
        };
    }
}
