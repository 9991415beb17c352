using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Integrations;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Integrations.CustomerKudosDriver;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Integrations;

/// <summary>
/// A helpdesk's ratings through the real endpoint into Slack: the admin's integration, signed requests, the agent found
/// by email, the compliment celebrated with the add-on button and DMed, points from the company budget, and nothing of
/// the customer ever stored or posted.
/// </summary>
public sealed class CustomerKudosFromTheHelpdesk : IAsyncLifetime
{
    private CustomerKudosDriver _kudos = null!;

    public async Task InitializeAsync() => _kudos = await CustomerKudosDriver.StartAsync();

    public async Task DisposeAsync() => await _kudos.DisposeAsync();

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<string> CelebrationAsync(string ticket) =>
        Said((await _kudos.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == LoveChannel && c.Body.Contains(ticket))).Json);

    [Fact]
    public async Task AnAdminCreatesAnIntegrationWhoseSecretIsShownOnceAndKeptOnlyEncrypted()
    {
        var (id, secret, said) = await _kudos.AddIntegrationAsync("zendesk --points 5");

        Assert.Contains($"{BaseUrl}/integrations/customer-kudos/{id}", said);
        Assert.Contains("<#C0LOVE>", said);
        var stored = await _kudos.StoredAsync();
        Assert.Contains(id, stored);
        Assert.DoesNotContain(secret, stored);
        var listed = Said(await _kudos.App.CommandAsync(Admin, "admin integration list"));
        Assert.Contains("zendesk", listed);
        Assert.DoesNotContain(secret, listed);
        Assert.Contains("added the helpdesk integration zendesk", Said(await _kudos.App.CommandAsync(Admin, "admin log")));
        // The same name again is refused; a member who is no admin is refused; neither writes anything.
        var before = await _kudos.StoredAsync();
        Assert.Contains("already", Said(await _kudos.App.CommandAsync(Admin, "admin integration add ZENDESK", channel: LoveChannel)));
        Assert.Contains("admin", Said(await _kudos.App.CommandAsync("U0001", "admin integration add freshdesk", channel: LoveChannel)));
        Assert.Equal(before, await _kudos.StoredAsync());
    }

    [Fact]
    public async Task AGoodRatingIsCelebratedInTheIntegrationsChannelWithTheAddOnButtonAndTheAgentGetsADm()
    {
        var (id, secret, _) = await _kudos.AddIntegrationAsync();

        var response = await _kudos.PostAsync(id, secret, HelpdeskSamples.Generic());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("celebrated", (await JsonOf(response)).GetProperty("status").GetString());
        var celebration = await _kudos.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == LoveChannel);
        var said = Said(celebration.Json);
        Assert.Contains("A customer wrote about <@U0002> (phone):", said);
        Assert.Contains("Bob sorted my broken router in ten minutes", said);
        Assert.Contains("ticket T-1042", said);
        Assert.Contains(SlackActions.Id(ViewVerbs.AddOn, 5), celebration.Body);
        var dm = await _kudos.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0002");
        Assert.Contains("A customer praised your help (phone)", Said(dm.Json));
    }

    [Fact]
    public async Task AColleagueAddsOnToACustomersCompliment()
    {
        var (id, secret, _) = await _kudos.AddIntegrationAsync();
        await _kudos.PostAsync(id, secret, HelpdeskSamples.Generic());
        var celebration = await _kudos.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == LoveChannel);
        var addOn = SlackActions.Id(ViewVerbs.AddOn, 5);
        var value = JsonDocument.Parse(celebration.Body).RootElement.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Single(e => e.GetProperty("action_id").GetString() == addOn).GetProperty("value").GetString()!;
        await _kudos.SettledAsync();

        await _kudos.App.ClickAsync("U0003", addOn, value, LoveChannel,
            celebration.ResponseJson.GetProperty("ts").GetString()!);

        Assert.Equal(5, (await _kudos.App.BalanceAsync(Agent)).Balance.Earned);
        Assert.Equal(95, (await _kudos.App.BalanceAsync("U0003")).Allowance.Left);
        var update = await _kudos.Slack.WaitForCallAsync("chat.update", c => c.Arg("channel") == LoveChannel);
        Assert.Contains("+5 from <@U0003>", Said(update.Json));
        Assert.Contains("A customer wrote about <@U0002>", Said(update.Json));
    }

    [Fact]
    public async Task UnsignedForgedStaleReplayedAndUnknownRequestsGet401AndChangeNothing()
    {
        var (id, secret, _) = await _kudos.AddIntegrationAsync();
        var body = HelpdeskSamples.Generic().ToJsonString();
        var now = SlackTestHost.Now();
        var accepted = await _kudos.PostRawAsync(id, secret, body, now);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var before = await _kudos.SettledAsync();
        var posts = _kudos.Slack.CallsTo("chat.postMessage").Count;
        var stale = (DateTimeOffset.UtcNow - TimeSpan.FromMinutes(6)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var other = HelpdeskSamples.Generic(ticket: "T-2000").ToJsonString();

        HttpResponseMessage[] refused =
        [
            await _kudos.PostRawAsync(id, secret: null, other),
            await _kudos.PostRawAsync(id, "not-the-secret", other),
            await _kudos.PostRawAsync(id, secret, other, signature: CustomerKudosSignature.Sign(secret, now, "{}"u8)),
            await _kudos.PostRawAsync(id, secret, other, stale),
            await _kudos.PostRawAsync(id, secret, body, now),
            await _kudos.PostRawAsync(new string('a', 32), secret, other),
            await _kudos.PostRawAsync("not-an-integration", secret, other),
        ];

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(before, await _kudos.StoredAsync());
        Assert.Equal(posts, _kudos.Slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task ZendeskAndFreshdeskRatingsAreCelebratedWithHowTheCustomerCame()
    {
        var (id, secret, _) = await _kudos.AddIntegrationAsync();

        Assert.Equal(HttpStatusCode.OK, (await _kudos.PostAsync(id, secret, HelpdeskSamples.Zendesk())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _kudos.PostAsync(id, secret, HelpdeskSamples.Freshdesk())).StatusCode);

        var zendesk = await CelebrationAsync("ticket 208");
        Assert.Contains("A customer wrote about <@U0002> (phone):", zendesk);
        Assert.Contains("Awesome support from Bob, thank you!", zendesk);
        var freshdesk = await CelebrationAsync("ticket 1337");
        Assert.Contains("A customer wrote about <@U0002> (chat):", freshdesk);
        Assert.Contains("The chat agent was lovely and quick.", freshdesk);
    }

    [Fact]
    public async Task ABadRatingIsAnsweredButIgnoredAndStoresNothing()
    {
        var (id, secret, _) = await _kudos.AddIntegrationAsync();
        var before = await _kudos.StoredAsync();

        var zendesk = await _kudos.PostAsync(id, secret, HelpdeskSamples.Zendesk(score: "bad", comment: "Slow."));
        var freshdesk = await _kudos.PostAsync(id, secret, HelpdeskSamples.Freshdesk(happiness: 100));

        Assert.Equal("ignored", (await JsonOf(zendesk)).GetProperty("status").GetString());
        Assert.Equal("ignored", (await JsonOf(freshdesk)).GetProperty("status").GetString());
        Assert.Equal(before, await _kudos.StoredAsync());
        Assert.Empty(_kudos.App.PostsTo(LoveChannel));
    }

    [Fact]
    public async Task AnUnknownAgentGets422WithWhyAndNothingChanges()
    {
        var (id, secret, _) = await _kudos.AddIntegrationAsync();
        var before = await _kudos.StoredAsync();

        var unknown = await _kudos.PostAsync(id, secret, HelpdeskSamples.Generic(agentEmail: "nobody@acme.test"));
        var bot = await _kudos.PostAsync(id, secret, new System.Text.Json.Nodes.JsonObject
        {
            ["ticket_id"] = "T-9",
            ["agent_id"] = "UDEPLOYBOT",
            ["rating"] = 5,
            ["comment"] = "Thanks",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("email", (await JsonOf(unknown)).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bot.StatusCode);
        Assert.Equal(before, await _kudos.StoredAsync());
    }

    [Fact]
    public async Task TheSameTicketTwiceCountsOnce()
    {
        var (id, secret, _) = await _kudos.AddIntegrationAsync("zendesk --points 5");
        await _kudos.App.CommandAsync(Admin, "admin budget 100");

        var first = await _kudos.PostAsync(id, secret, HelpdeskSamples.Zendesk());
        var again = await _kudos.PostAsync(id, secret, HelpdeskSamples.Zendesk(comment: "Really, awesome!"));

        Assert.Equal("celebrated", (await JsonOf(first)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", (await JsonOf(again)).GetProperty("status").GetString());
        await _kudos.App.OutboxDrainedAsync();
        Assert.Single(_kudos.App.PostsTo(LoveChannel));
        Assert.Equal(5, (await _kudos.App.BalanceAsync(Agent)).Balance.Earned);
        Assert.Contains("95 points left", Said(await _kudos.App.CommandAsync(Admin, "admin budget")));
    }

    [Fact]
    public async Task TheCustomersNameEmailAndPhoneAreNeitherStoredNorPosted()
    {
        var (id, secret, _) = await _kudos.AddIntegrationAsync();
        const string comment = "Maria Rossi here: Bob fixed it! Call me on +39 347 123 4567 or write to maria.rossi@example.com";

        await _kudos.PostAsync(id, secret, HelpdeskSamples.Zendesk(comment: comment, requester: "Maria Rossi"));
        await _kudos.PostAsync(id, secret, HelpdeskSamples.Generic(ticket: "T-7", comment: "Thanks Bob, Jan Svensson, jan@example.se, 0701234567"));

        var stored = await _kudos.SettledAsync();
        var celebration = await CelebrationAsync("ticket 208");
        Assert.Contains("Bob fixed it!", celebration);
        var posted = _kudos.Posted();
        foreach (var pii in new[] { "Maria", "Rossi", "347 123 4567", "maria.rossi@example.com", "jan@example.se", "0701234567" })
        {
            Assert.DoesNotContain(pii, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(pii, posted, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task PointsComeFromTheCompanyBudgetAsAMovementOfTheirOwnKind()
    {
        var (id, secret, _) = await _kudos.AddIntegrationAsync("zendesk --points 5");
        Assert.Contains("12 points", Said(await _kudos.App.CommandAsync(Admin, "admin budget 12")));

        foreach (var ticket in new[] { 1, 2, 3 }) await _kudos.PostAsync(id, secret, HelpdeskSamples.Zendesk(ticket: ticket));

        var agent = await _kudos.App.BalanceAsync(Agent);
        Assert.Equal(10, agent.Balance.Earned);
        Assert.Equal(100, (await _kudos.App.BalanceAsync(Admin)).Allowance.Left);
        Assert.Contains("2 points left", Said(await _kudos.App.CommandAsync(Admin, "admin budget")));
        var history = await _kudos.App.Host.Services.GetRequiredService<ILedger>()
            .GetHistoryAsync(Workspace, new MemberId(Agent), 10, CancellationToken.None);
        Assert.Equal([MovementKind.Customer, MovementKind.Customer, MovementKind.Customer], history.Movements.Select(m => m.Kind));
        Assert.Equal(10, history.Movements.Sum(m => m.Points));
        Assert.Contains("+5 from a customer's compliment", Said(await _kudos.App.CommandAsync(Agent, "history")));
        var log = Said(await _kudos.App.CommandAsync(Admin, "admin log"));
        Assert.Contains("set the company budget for customer kudos: 0 → 12", log);
        var celebration = await CelebrationAsync("ticket 1");
        Assert.Contains("+5 points from the company budget", celebration);
    }

    [Fact]
    public async Task RemovingAnIntegrationStopsItsUrl()
    {
        var (id, secret, _) = await _kudos.AddIntegrationAsync();

        Assert.Contains("removed", Said(await _kudos.App.CommandAsync(Admin, "admin integration remove zendesk")));

        // This instance may remember the integration for half a minute: a fresh host (another instance) does not.
        await using var other = await CustomerKudosDriver.StartAsync(new Dictionary<string, string?> { ["Storage:TablePrefix"] = _kudos.App.Host.TablePrefix });
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.PostAsync(id, secret, HelpdeskSamples.Generic())).StatusCode);
    }
}
