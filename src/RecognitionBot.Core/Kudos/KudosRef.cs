using System.Globalization;

namespace RecognitionBot.Core.Kudos;

/// <summary>
/// A kudos as a button names it: the time it was given (its row sorts by time) and its id, <c>{ticks}.{id}</c>, so
/// a click finds its row with one point read. Short enough for every platform's button payload.
/// </summary>
public static class KudosRef
{
    public static string Of(Kudos kudos) => $"{kudos.GivenAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{kudos.Id}";

    /// <summary>The time and id in a reference; false for anything a button of ours would not send.</summary>
    public static bool TryParse(string? value, out DateTimeOffset givenAt, out string id)
    {
        (givenAt, id) = (default, "");
        var dot = value?.IndexOf('.') ?? -1;
        if (value is null || dot <= 0 || dot == value.Length - 1) return false;
        if (!long.TryParse(value.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) return false;
        var rest = value[(dot + 1)..];
        if (rest.Length > 40 || !rest.All(char.IsAsciiLetterOrDigit)) return false;
        (givenAt, id) = (new DateTimeOffset(ticks, TimeSpan.Zero), rest);
        return true;
    }
}
