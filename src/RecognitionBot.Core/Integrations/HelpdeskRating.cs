using System.Text.Json;

namespace RecognitionBot.Core.Integrations;

/// <summary>How the customer reached the agent: shown on the celebration so phone and chat agents are seen alike.</summary>
public enum ContactChannel
{
    Phone,
    Chat,
    Email,
}

/// <summary>
/// One rating as a helpdesk sent it, read into neutral terms. <see cref="CustomerNames"/> are the words to strip from
/// the comment (the customer's name as the helpdesk knows it); they are never stored.
/// </summary>
public sealed record HelpdeskRating(
    string Source,
    string TicketId,
    string? TicketLink,
    string? AgentEmail,
    string? AgentId,
    bool Good,
    string? Comment,
    ContactChannel? Channel,
    IReadOnlyList<string> CustomerNames);

/// <summary>
/// Reads the three payloads the endpoint takes (README "Customer kudos"): our generic JSON, Zendesk's satisfaction
/// rating (legacy CSAT, the trigger's JSON body) and Freshdesk's satisfaction rating (the automation's webhook). Which one
/// it is follows from the shape: <c>satisfaction_rating</c> (or a text <c>rating</c>) is Zendesk, <c>ratings</c> is
/// Freshdesk, a number <c>rating</c> is generic. What counts as good is decided per source (docs/decisions.md).
/// </summary>
public static class HelpdeskPayloads
{
    /// <summary>Generic: good from 80% of the scale (4 of 5, 8 of 10).</summary>
    public const double GenericGoodShare = 0.8;

    /// <summary>
    /// Freshdesk's <c>default_question</c> runs 103 (extremely happy) down to -103; 102 and 103 are the top answers on
    /// the 3-, 5- and 7-point surveys alike, so they are good.
    /// </summary>
    public const int FreshdeskGood = 102;

    /// <summary>The rating, or null with why it cannot be read (the endpoint answers 400 with it).</summary>
    public static HelpdeskRating? Read(JsonElement root, out string? error)
    {
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "The body must be a JSON object.";
            return null;
        }
        if (root.TryGetProperty("satisfaction_rating", out var zendesk) && zendesk.ValueKind == JsonValueKind.Object)
            return Zendesk(root, zendesk, out error);
        if (root.TryGetProperty("ratings", out var ratings) && ratings.ValueKind == JsonValueKind.Object)
            return Freshdesk(root, ratings, out error);
        if (root.TryGetProperty("rating", out var rating) && rating.ValueKind == JsonValueKind.String)
            return Zendesk(root, root, out error);
        return Generic(root, out error);
    }

    private static HelpdeskRating? Generic(JsonElement root, out string? error)
    {
        error = null;
        if (!root.TryGetProperty("rating", out var r) || r.ValueKind != JsonValueKind.Number || !r.TryGetDouble(out var rating))
        {
            error = "rating is missing or not a number.";
            return null;
        }
        var scale = root.TryGetProperty("scale", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetDouble(out var sv) ? sv : 5;
        if (scale < 1 || rating < 0 || rating > scale)
        {
            error = "rating must be between 0 and scale (default 5).";
            return null;
        }
        return Build("generic", Text(root, "ticket_id"), Text(root, "ticket_url"), Text(root, "agent_email"), Text(root, "agent_id"),
            rating >= scale * GenericGoodShare, Text(root, "comment"), Channel(Text(root, "channel")), [Text(root, "customer_name")], out error);
    }

    // Zendesk's satisfaction rating object: score (good, bad, offered; the API's filters also say good_with_comment), comment,
    // ticket_id; the trigger adds the assignee's email ({{ticket.assignee.email}}), the link and how the ticket came in.
    private static HelpdeskRating? Zendesk(JsonElement root, JsonElement rating, out string? error)
    {
        var score = Text(rating, "score") ?? Text(rating, "rating") ?? "";
        return Build("zendesk", Text(rating, "ticket_id") ?? Text(root, "ticket_id"), Text(root, "ticket_url") ?? Text(root, "link") ?? Text(rating, "url"),
            Text(root, "agent_email") ?? Text(root, "assignee_email") ?? Text(root, "agent"), null,
            score.StartsWith("good", StringComparison.OrdinalIgnoreCase), Text(rating, "comment"), Channel(Text(root, "via")),
            [Text(root, "requester_name"), Text(root, "customer_name")], out error);
    }

    // Freshdesk's satisfaction rating: ratings.default_question, feedback, ticket_id; the automation adds the agent's email
    // ({{ticket.agent.email}}), the ticket's URL and its source (1 email, 3 phone, 7 chat, or the word).
    private static HelpdeskRating? Freshdesk(JsonElement root, JsonElement ratings, out string? error)
    {
        var good = ratings.TryGetProperty("default_question", out var q) && q.ValueKind == JsonValueKind.Number && q.TryGetInt32(out var value)
            && value >= FreshdeskGood;
        return Build("freshdesk", Text(root, "ticket_id"), Text(root, "ticket_url"), Text(root, "agent_email"), null, good,
            Text(root, "feedback"), FreshdeskSource(root), [Text(root, "requester_name"), Text(root, "customer_name")], out error);
    }

    private static HelpdeskRating? Build(string source, string? ticket, string? link, string? email, string? agentId, bool good,
        string? comment, ContactChannel? channel, IEnumerable<string?> names, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(ticket) || ticket.Length > 200)
        {
            error = "ticket_id is missing (or longer than 200 characters).";
            return null;
        }
        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(agentId))
        {
            error = "The agent is missing: send agent_email (or agent_id, the agent's Slack or Teams id).";
            return null;
        }
        return new HelpdeskRating(source, ticket.Trim(), link is { Length: > 0 } ? link.Trim() : null, email?.Trim(), agentId?.Trim(), good,
            comment, channel, [.. names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())]);
    }

    private static ContactChannel? FreshdeskSource(JsonElement root)
    {
        if (!root.TryGetProperty("source", out var s)) return null;
        if (s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var code))
            return code switch { 1 => ContactChannel.Email, 3 => ContactChannel.Phone, 7 => ContactChannel.Chat, _ => null };
        return Channel(s.ValueKind == JsonValueKind.String ? s.GetString() : null);
    }

    /// <summary>The words helpdesks use for a ticket's channel ("Phone call (incoming)", "Chat", "Mail", "email") as ours.</summary>
    public static ContactChannel? Channel(string? word)
    {
        if (string.IsNullOrWhiteSpace(word)) return null;
        var w = word.ToLowerInvariant();
        if (w.Contains("phone") || w.Contains("voice") || w.Contains("call")) return ContactChannel.Phone;
        if (w.Contains("chat") || w.Contains("messag") || w.Contains("whatsapp")) return ContactChannel.Chat;
        if (w.Contains("mail")) return ContactChannel.Email;
        return null;
    }

    /// <summary>A string or a number as text (ticket ids come as either); null when absent or of another kind.</summary>
    private static string? Text(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var p)) return null;
        return p.ValueKind switch
        {
            JsonValueKind.String => p.GetString(),
            JsonValueKind.Number => p.GetRawText(),
            _ => null,
        };
    }
}
