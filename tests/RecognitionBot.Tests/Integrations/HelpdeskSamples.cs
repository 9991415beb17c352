using System.Text.Json.Nodes;

namespace RecognitionBot.Tests.Integrations;

/// <summary>
/// Ratings as the helpdesks send them, written by hand from their public docs: Zendesk's satisfaction rating object
/// (legacy CSAT: id, url, assignee_id, group_id, requester_id, ticket_id, score, comment, created_at) in the trigger's
/// JSON body with the placeholders README "Customer kudos" gives, Freshdesk's satisfaction rating (id, survey_id,
/// user_id, agent_id, group_id, ticket_id, feedback, ratings.default_question) with the automation's additions, and
/// our generic JSON.
/// </summary>
public static class HelpdeskSamples
{
    public const string AgentEmail = "bob@acme.test";

    public static JsonObject Generic(string ticket = "T-1042", string? agentEmail = AgentEmail, int rating = 5, string channel = "phone",
        string comment = "Bob sorted my broken router in ten minutes, so patient!") => new()
        {
            ["ticket_id"] = ticket,
            ["ticket_url"] = $"https://help.example.test/tickets/{ticket}",
            ["agent_email"] = agentEmail,
            ["rating"] = rating,
            ["scale"] = 5,
            ["comment"] = comment,
            ["channel"] = channel,
        };

    public static JsonObject Zendesk(int ticket = 208, string score = "good", string comment = "Awesome support from Bob, thank you!",
        string requester = "Maria Rossi") => new()
        {
            ["satisfaction_rating"] = new JsonObject
            {
                ["id"] = 35436,
                ["url"] = "https://acme.zendesk.com/api/v2/satisfaction_ratings/35436.json",
                ["assignee_id"] = 135,
                ["group_id"] = 44,
                ["requester_id"] = 7881,
                ["ticket_id"] = ticket,
                ["score"] = score,
                ["comment"] = comment,
                ["created_at"] = "2026-12-01T09:12:44Z",
            },
            ["agent_email"] = AgentEmail,
            ["ticket_url"] = $"https://acme.zendesk.com/agent/tickets/{ticket}",
            ["via"] = "Phone call (incoming)",
            ["requester_name"] = requester,
        };

    public static JsonObject Freshdesk(int ticket = 1337, int happiness = 103, string feedback = "The chat agent was lovely and quick.") => new()
    {
        ["id"] = 9000001,
        ["survey_id"] = 1000,
        ["user_id"] = 4400001,
        ["agent_id"] = 4400002,
        ["group_id"] = 12,
        ["ticket_id"] = ticket,
        ["feedback"] = feedback,
        ["ratings"] = new JsonObject { ["default_question"] = happiness },
        ["created_at"] = "2026-12-01T10:00:00Z",
        ["updated_at"] = "2026-12-01T10:00:00Z",
        ["agent_email"] = AgentEmail,
        ["ticket_url"] = $"https://acme.freshdesk.com/a/tickets/{ticket}",
        ["source"] = 7,
        ["requester_name"] = "Jan Svensson",
    };
}
