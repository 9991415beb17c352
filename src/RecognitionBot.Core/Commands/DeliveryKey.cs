using System.Security.Cryptography;
using System.Text;

namespace RecognitionBot.Core.Commands;

/// <summary>
/// One platform delivery (a Slack trigger, click or modal; a Teams activity or card click): the ledger keeps its
/// first answer under this key, so the same delivery repeated returns that answer instead of acting twice. Built
/// only by a platform's factory, so two surfaces never spell the same delivery two ways. The formats are the ones
/// already stored in delivery markers: changing one would let a retry across a deployment act again.
/// </summary>
public readonly record struct DeliveryKey
{
    private DeliveryKey(string value) => Value = value;

    public string Value { get; }

    /// <summary>Slack: <c>slack:{kind}:{part}:{part}...</c>, readable in the ledger (Slack's ids are short and safe).</summary>
    public static DeliveryKey Slack(string kind, params ReadOnlySpan<string?> parts)
    {
        var key = new StringBuilder("slack:").Append(kind);
        foreach (var part in parts) key.Append(':').Append(part);
        return new(key.ToString());
    }

    /// <summary>Teams: a hash of the parts (conversation, activity, verb, subject, person), as Teams ids run long.</summary>
    public static DeliveryKey Teams(params ReadOnlySpan<string?> parts)
    {
        var joined = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) joined.Append('\u001f');
            joined.Append(parts[i]);
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(joined.ToString()));
        return new("teams-" + Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_'));
    }

    /// <summary>A key made elsewhere (a load generator's own ids, a test's): taken as it is.</summary>
    public static DeliveryKey Of(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return new(value);
    }

    public override string ToString() => Value;
}
