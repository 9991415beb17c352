using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RecognitionBot.Integrations;

/// <summary>
/// The signature a helpdesk sends with each rating: <c>v1=</c> and the lower-case hex of HMAC-SHA256, keyed with the
/// integration's secret, over <c>{timestamp}:{raw body}</c>; the timestamp (Unix seconds) in its own header must be
/// within the window of now. Compared in constant time.
/// </summary>
public static class CustomerKudosSignature
{
    public const string TimestampHeader = "X-RecognitionBot-Timestamp";
    public const string SignatureHeader = "X-RecognitionBot-Signature";
    public const string Version = "v1=";

    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ":");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Version + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public static bool IsFresh(string? timestamp, DateTimeOffset now, TimeSpan window) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds < 100_000_000_000
        && (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= window;

    public static bool Matches(string secret, string timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
