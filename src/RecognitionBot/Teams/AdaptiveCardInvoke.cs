using System.Text.Json;
using RecognitionBot.Teams.Cards;

namespace RecognitionBot.Teams;

/// <summary>
/// The value of an <c>adaptiveCard/action</c> invoke: which Action.Execute was clicked (its verb) and the data it
/// carried, with the card's inputs merged in. Read once from the activity, so routing never looks into raw JSON.
/// </summary>
public sealed record AdaptiveCardInvoke(string? Verb, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>A data value, trimmed; null when absent or blank.</summary>
    public string? Get(string key) => Data.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public static AdaptiveCardInvoke From(JsonElement? value)
    {
        var data = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            return new AdaptiveCardInvoke(null, data);
        var verb = action.TryGetProperty("verb", out var vb) && vb.ValueKind == JsonValueKind.String ? vb.GetString() : null;
        if (action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object)
            foreach (var p in d.EnumerateObject())
                data[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        return new AdaptiveCardInvoke(verb, data);
    }
}

/// <summary>The body of the answer to an <c>adaptiveCard/action</c> invoke: the card to show in place, or a message.</summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, object Value)
{
    public const string MessageType = "application/vnd.microsoft.activity.message";

    public static InvokeResponse Card(AdaptiveCard card) =>
        new(StatusCodes.Status200OK, new AdaptiveCardInvokeResponse(StatusCodes.Status200OK, Attachment.AdaptiveCardContentType, card.ToJson()));

    public static InvokeResponse Message(string text) =>
        new(StatusCodes.Status200OK, new AdaptiveCardInvokeResponse(StatusCodes.Status200OK, MessageType, text));
}
