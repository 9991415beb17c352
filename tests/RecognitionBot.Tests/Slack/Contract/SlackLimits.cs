using System.Text.Json;

namespace RecognitionBot.Tests.Slack.Contract;

/// <summary>The documented Block Kit size limits that types cannot express; Slack rejects a payload that breaks one.</summary>
public static class SlackLimits
{
    public static IEnumerable<string> Check(string name, JsonElement payload)
    {
        if (payload.TryGetProperty("blocks", out var blocks))
        {
            var max = payload.TryGetProperty("type", out var t) && t.GetString() == "modal" ? 100 : 50;
            if (blocks.GetArrayLength() > max) yield return $"{name}: {blocks.GetArrayLength()} blocks (max {max})";
            foreach (var block in blocks.EnumerateArray())
                foreach (var problem in Block(name, block)) yield return problem;
        }
        if (payload.TryGetProperty("title", out var title) && Text(title).Length > 24) yield return $"{name}: modal title over 24 chars";
        if (payload.TryGetProperty("submit", out var submit) && Text(submit).Length > 24) yield return $"{name}: modal submit over 24 chars";
        if (payload.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && text.GetString()!.Length > 40_000)
            yield return $"{name}: message text over 40k chars";
    }

    private static IEnumerable<string> Block(string name, JsonElement block)
    {
        var type = block.GetProperty("type").GetString();
        if (type == "header" && Text(block.GetProperty("text")).Length > 150) yield return $"{name}: header over 150 chars";
        if (type == "section")
        {
            if (block.TryGetProperty("text", out var st) && Text(st).Length is 0 or > 3000) yield return $"{name}: section text empty or over 3000 chars";
            if (block.TryGetProperty("fields", out var fields) && fields.GetArrayLength() > 10) yield return $"{name}: more than 10 fields";
            if (block.TryGetProperty("accessory", out var accessory)) foreach (var p in Element(name, accessory)) yield return p;
        }
        if (type == "actions")
        {
            var elements = block.GetProperty("elements");
            if (elements.GetArrayLength() > 25) yield return $"{name}: more than 25 actions";
            foreach (var e in elements.EnumerateArray()) foreach (var p in Element(name, e)) yield return p;
        }
        if (type == "context" && block.GetProperty("elements").GetArrayLength() > 10) yield return $"{name}: more than 10 context elements";
        if (block.TryGetProperty("block_id", out var id) && id.GetString()!.Length > 255) yield return $"{name}: block_id over 255 chars";
    }

    private static IEnumerable<string> Element(string name, JsonElement element)
    {
        if (element.GetProperty("type").GetString() != "button") yield break;
        if (Text(element.GetProperty("text")).Length > 75) yield return $"{name}: button text over 75 chars";
        if (element.TryGetProperty("value", out var v) && v.GetString()!.Length > 2000) yield return $"{name}: button value over 2000 chars";
        if (element.GetProperty("action_id").GetString()!.Length > 255) yield return $"{name}: action_id over 255 chars";
    }

    private static string Text(JsonElement textObject) => textObject.GetProperty("text").GetString() ?? "";
}
