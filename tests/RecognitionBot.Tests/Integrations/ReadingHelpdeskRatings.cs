using System.Text.Json;
using System.Text.Json.Nodes;
using RecognitionBot.Core.Integrations;

namespace RecognitionBot.Tests.Integrations;

/// <summary>The three payloads read into one rating, good or not by each source's own scale, and the customer's details taken out.</summary>
public sealed class ReadingHelpdeskRatings
{
    private static HelpdeskRating? Read(JsonObject body, out string? error)
    {
        using var json = JsonDocument.Parse(body.ToJsonString());
        return HelpdeskPayloads.Read(json.RootElement, out error);
    }

    [Fact]
    public void ZendesksSatisfactionRatingIsMapped()
    {
        var rating = Read(HelpdeskSamples.Zendesk(), out _)!;

        Assert.Equal(("zendesk", "208", "https://acme.zendesk.com/agent/tickets/208", HelpdeskSamples.AgentEmail, true, ContactChannel.Phone),
            (rating.Source, rating.TicketId, rating.TicketLink, rating.AgentEmail, rating.Good, rating.Channel));
        Assert.Equal("Awesome support from Bob, thank you!", rating.Comment);
        Assert.Equal(["Maria Rossi"], rating.CustomerNames);
        Assert.False(Read(HelpdeskSamples.Zendesk(score: "bad"), out _)!.Good);
        Assert.True(Read(HelpdeskSamples.Zendesk(score: "good_with_comment"), out _)!.Good);
    }

    [Fact]
    public void ZendesksFlatTriggerBodyIsMappedToo()
    {
        var body = new JsonObject
        {
            ["ticket_id"] = "208",
            ["agent"] = HelpdeskSamples.AgentEmail,
            ["rating"] = "Good",
            ["comment"] = "Great",
            ["link"] = "https://acme.zendesk.com/agent/tickets/208",
        };

        var rating = Read(body, out _)!;

        Assert.Equal(("zendesk", "208", HelpdeskSamples.AgentEmail, true), (rating.Source, rating.TicketId, rating.AgentEmail, rating.Good));
    }

    [Fact]
    public void FreshdesksSatisfactionRatingIsMappedAndOnlyTheTopAnswersAreGood()
    {
        var rating = Read(HelpdeskSamples.Freshdesk(), out _)!;

        Assert.Equal(("freshdesk", "1337", HelpdeskSamples.AgentEmail, true, ContactChannel.Chat, "The chat agent was lovely and quick."),
            (rating.Source, rating.TicketId, rating.AgentEmail, rating.Good, rating.Channel, rating.Comment));
        Assert.True(Read(HelpdeskSamples.Freshdesk(happiness: 102), out _)!.Good);
        Assert.False(Read(HelpdeskSamples.Freshdesk(happiness: 101), out _)!.Good);
        Assert.False(Read(HelpdeskSamples.Freshdesk(happiness: -103), out _)!.Good);
    }

    [Fact]
    public void GenericRatingsAreGoodFromFourOfFive()
    {
        Assert.True(Read(HelpdeskSamples.Generic(rating: 4), out _)!.Good);
        Assert.False(Read(HelpdeskSamples.Generic(rating: 3), out _)!.Good);
        Assert.Equal(ContactChannel.Email, Read(HelpdeskSamples.Generic(channel: "email"), out _)!.Channel);
    }

    [Fact]
    public void APayloadWithoutTicketOrAgentOrRatingIsExplained()
    {
        Assert.Null(Read(HelpdeskSamples.Generic(ticket: ""), out var noTicket));
        Assert.Contains("ticket_id", noTicket);
        Assert.Null(Read(HelpdeskSamples.Generic(agentEmail: null), out var noAgent));
        Assert.Contains("agent_email", noAgent);
        var noRating = HelpdeskSamples.Generic();
        noRating.Remove("rating");
        Assert.Null(Read(noRating, out var why));
        Assert.Contains("rating", why);
        Assert.Null(Read(HelpdeskSamples.Generic(rating: 9), out _));
    }

    [Fact]
    public void TheCustomersNameEmailAndPhoneAreTakenOutOfTheComment()
    {
        var stripped = ContactDetails.Strip(
            "Thanks! This is Maria Rossi, reach me on +39 347 123 4567, (02) 555-0199 or Maria.Rossi@example.com. Ticket 1042 solved.", ["Maria Rossi"]);

        Assert.Equal("Thanks! This is […], reach me on […], […] or […]. Ticket 1042 solved.", stripped);
    }
}
