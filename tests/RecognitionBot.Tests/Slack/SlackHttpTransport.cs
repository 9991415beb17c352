using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Fakes;

namespace RecognitionBot.Tests.Slack;

/// <summary>The HTTP endpoints as Slack sees them: signature first, then the payload reaches the shared handlers.</summary>
public sealed class SlackHttpTransport : IAsyncLifetime
{
    private readonly RecordingSlackHandlers _handlers = new();
    private SlackTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackTestHost.StartAsync(services: s =>
    {
        s.AddSingleton<ISlackCommandHandler>(_handlers);
        s.AddSingleton<ISlackInteractionHandler>(_handlers);
        s.AddSingleton<ISlackEventHandler>(_handlers);
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ASignedCommandReachesTheHandlerAndIsAnsweredEphemerally()
    {
        var response = await _host.CommandAsync("<@U0002|ann> +10 great save #empathy", triggerId: "trig-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        Assert.Equal("heard: <@U0002|ann> +10 great save #empathy", body.GetProperty("text").GetString());
        var command = Assert.Single(_handlers.Commands);
        Assert.Equal(("T0001", "C0001", "U0001", "/kudos", "trig-1"), (command.TeamId, command.ChannelId, command.UserId, command.Command, command.TriggerId));
    }

    [Fact]
    public async Task AForgedSignatureGets401AndReachesNothing()
    {
        var response = await _host.CommandAsync("<@U0002> +10 forged", secret: "not-our-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handlers.Commands);
    }

    [Fact]
    public async Task AStaleTimestampGets401AndReachesNothing()
    {
        var sixMinutesAgo = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var command = await _host.CommandAsync("<@U0002> +10 replayed", timestamp: sixMinutesAgo);
        var evt = await _host.PostSignedAsync("/slack/events", EventCallback("Ev1", "app_mention"), "application/json", timestamp: sixMinutesAgo);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (command.StatusCode, evt.StatusCode));
        Assert.Empty(_handlers.Commands);
        Assert.Empty(_handlers.Events);
    }

    [Fact]
    public async Task AnUnsignedRequestGets401()
    {
        var response = await _host.Client.PostAsync("/slack/commands", new FormUrlEncodedContent(SlackTestHost.CommandFields("<@U0002> hi there")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handlers.Commands);
    }

    [Fact]
    public async Task ABodyChangedAfterSigningGets401()
    {
        var body = SlackTestHost.FormBody(SlackTestHost.CommandFields("<@U0002> +1 thanks"));
        var ts = SlackTestHost.Now();
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new StringContent(body.Replace("%2B1", "%2B100"), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, System.Text.Encoding.ASCII.GetString(
            SlackRequestVerifier.Sign(SlackTestHost.SigningSecret, ts, System.Text.Encoding.UTF8.GetBytes(body))));

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handlers.Commands);
    }

    [Fact]
    public async Task SslCheckIsAnsweredWithoutASignatureAndReachesNothing()
    {
        var response = await _host.Client.PostAsync("/slack/commands",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ssl_check"] = "1", ["token"] = "x" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_handlers.Commands);
    }

    [Fact]
    public async Task UrlVerificationEchoesTheChallenge()
    {
        var response = await _host.PostSignedAsync(
            "/slack/events", """{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""",
            "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task AnEventReachesTheHandlersWithItsRetryCount()
    {
        var first = await _host.PostSignedAsync("/slack/events", EventCallback("Ev42", "app_mention"), "application/json");
        var retry = await _host.PostSignedAsync("/slack/events", EventCallback("Ev42", "app_mention"), "application/json",
            headers: new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1", ["X-Slack-Retry-Reason"] = "http_timeout" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Equal([("Ev42", 0), ("Ev42", 1)], _handlers.Events.Select(e => (e.EventId, e.RetryAttempt)));
        Assert.All(_handlers.Events, e => Assert.Equal(("T0001", "app_mention"), (e.TeamId, e.Type)));
    }

    [Fact]
    public async Task AFailingEventHandlerAnswers500SoSlackRetries()
    {
        _handlers.OnEvent = _ => throw new InvalidOperationException("storage down");

        var response = await _host.PostSignedAsync("/slack/events", EventCallback("Ev7", "app_mention"), "application/json");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task AButtonClickReachesTheInteractionHandler()
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U0003", ["team_id"] = "T0001" },
            ["team"] = new JsonObject { ["id"] = "T0001" },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "approve", ["value"] = "r1" }),
        };

        var response = await _host.PostFormAsync("/slack/interactions", new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _host.Services.GetRequiredService<SlackFollowUps>().WhenIdleAsync();
        var interaction = Assert.Single(_handlers.Interactions);
        Assert.Equal(("block_actions", "U0003", "T0001"), (interaction.Type, interaction.UserId, interaction.TeamId));
    }

    [Fact]
    public async Task AModalSubmissionCanBeAnsweredWithFieldErrors()
    {
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = "U0003" },
            ["team"] = new JsonObject { ["id"] = "T0001" }
        };

        var response = await _host.PostFormAsync("/slack/interactions", new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("errors", body.GetProperty("response_action").GetString());
        Assert.Equal("too short", body.GetProperty("errors").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task MalformedButSignedPayloadsGet400()
    {
        var noPayload = await _host.PostFormAsync("/slack/interactions", new Dictionary<string, string> { ["nope"] = "1" });
        var badJson = await _host.PostFormAsync("/slack/interactions", new Dictionary<string, string> { ["payload"] = "{not json" });
        var noUser = await _host.PostFormAsync("/slack/commands", new Dictionary<string, string> { ["team_id"] = "T0001", ["text"] = "hi" });

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [noPayload.StatusCode, badJson.StatusCode, noUser.StatusCode]);
        Assert.Empty(_handlers.Commands);
        Assert.Empty(_handlers.Interactions);
    }

    [Fact]
    public async Task AFailingCommandHandlerStillAnswersWithAFriendlyEphemeralMessage()
    {
        _handlers.Answer = _ => throw new InvalidOperationException("boom");

        var response = await _host.CommandAsync("balance");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        Assert.Contains("nothing was changed", body.GetProperty("text").GetString());
    }

    private static string EventCallback(string eventId, string type) => new JsonObject
    {
        ["token"] = "x",
        ["team_id"] = "T0001",
        ["api_app_id"] = "A0001",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000000,
        ["event"] = new JsonObject { ["type"] = type, ["user"] = "U0001", ["text"] = "<@UBOT> hi", ["channel"] = "C0001", ["ts"] = "1.2" },
    }.ToJsonString();
}
