using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using RecognitionBot.Integrations;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Integrations;

/// <summary>
/// The same core path for a Teams tenant: the admin creates the integration in a channel (its secret reaches them in
/// their 1:1 chat, never the channel), the agent is found by email through Graph, the compliment is a card in the channel.
/// </summary>
public sealed partial class CustomerKudosInTeams(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    [Fact]
    public async Task AComplimentForAnAgentFoundThroughGraphIsACardInTheIntegrationsChannel()
    {
        var channel = NewChannel();
        var name = $"zendesk-{Guid.NewGuid():N}"[..20];
        var mail = $"bob.{Guid.NewGuid():N}@contoso.test";
        host.Graph.AddUser(TestActivities.Tenant, Bob.AadId, Bob.Name, mail);
        var before = host.Connector.Calls.Count;

        using (await _teams.SendAsync(_teams.Message(Ann, Channel(channel, "2000"), $"admin integration add {name}"))) { }

        var answer = host.Connector.Calls.Skip(before).Single(c => c.Method == "POST" && IsPersonalChatOf(Ann, c.Path)).Card().AllText();
        var id = Url().Match(answer).Groups[1].Value;
        var secret = Secret().Match(answer).Value;
        Assert.NotEmpty(id);
        Assert.NotEmpty(secret);
        Assert.DoesNotContain(host.Connector.Calls.Skip(before), c => c.Path.Contains(channel) && c.Body.Contains(secret));

        var body = Encoding.UTF8.GetBytes(HelpdeskSamples.Generic(ticket: "TEAMS-1", agentEmail: mail, channel: "chat").ToJsonString());
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/integrations/customer-kudos/{id}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(CustomerKudosSignature.TimestampHeader, ts);
        request.Headers.Add(CustomerKudosSignature.SignatureHeader, CustomerKudosSignature.Sign(secret, ts, body));
        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var celebration = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == $"/amer/v3/conversations/{channel}/activities"
            && c.Body.Contains("TEAMS-1"));
        var card = celebration.Card();
        AdaptiveCardContract.AssertValid(card);
        Assert.Contains("A customer wrote about", card.AllText());
        Assert.Contains("(chat)", card.AllText());
        Assert.Contains((Bob.AadId, "<at>Bob Builder</at>"), card.Mentions());
    }

    [GeneratedRegex(@"/integrations/customer-kudos/([0-9a-f]{32})")]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")]
    private static partial Regex Secret();
}
