using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Fakes;

namespace RecognitionBot.Tests.Slack;

/// <summary>Socket Mode against a local WebSocket server: the same handlers as HTTP, acks by envelope id, safe reconnects.</summary>
public sealed class SlackSocketModeTransport : IAsyncLifetime
{
    private readonly RecordingSlackHandlers _handlers = new();
    private SlackTestHost _host = null!;
    private FakeSocket _socket = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync(
            new Dictionary<string, string?> { ["Slack:AppToken"] = "xapp-1-test" },
            s =>
            {
                s.AddSingleton<ISlackCommandHandler>(_handlers);
                s.AddSingleton<ISlackInteractionHandler>(_handlers);
                s.AddSingleton<ISlackEventHandler>(_handlers);
            });
        _socket = await _host.Slack.NextSocketAsync();
        await _socket.HelloAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void ConnectsWithTheAppLevelToken() =>
        Assert.Equal("xapp-1-test", Assert.Single(_host.Slack.CallsTo("apps.connections.open")).Token);

    [Fact]
    public async Task ASlashCommandIsAckedWithTheHandlersAnswerAsPayload()
    {
        var payload = new JsonObject();
        foreach (var (k, v) in SlackTestHost.CommandFields("<@U0002> +5 thanks for the cover", triggerId: "trig-s1")) payload[k] = v;

        var ack = await _socket.SendEnvelopeAsync("slash_commands", payload);

        var answer = ack.GetProperty("payload");
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        Assert.Equal("heard: <@U0002> +5 thanks for the cover", answer.GetProperty("text").GetString());
        Assert.Equal("trig-s1", Assert.Single(_handlers.Commands).TriggerId);
    }

    [Fact]
    public async Task AnEventIsHandledThenAckedWithoutPayload()
    {
        var callback = JsonNode.Parse("""
            {"type":"event_callback","team_id":"T0001","event_id":"Ev9","event":{"type":"app_mention","user":"U0001","channel":"C1","ts":"1.1"}}
            """)!;

        var ack = await _socket.SendEnvelopeAsync("events_api", callback);

        Assert.False(ack.TryGetProperty("payload", out _));
        var handled = Assert.Single(_handlers.Events);
        Assert.Equal(("Ev9", "app_mention", "T0001"), (handled.EventId, handled.Type, handled.TeamId));
    }

    [Fact]
    public async Task AnInteractionReachesTheSameHandlerAsOverHttp()
    {
        var click = JsonNode.Parse(
            """{"type":"block_actions","user":{"id":"U0003"},"team":{"id":"T0001"},"actions":[{"action_id":"approve","value":"r1"}]}""")!;

        await _socket.SendEnvelopeAsync("interactive", click);
        await _host.Services.GetRequiredService<SlackFollowUps>().WhenIdleAsync();

        Assert.Equal("U0003", Assert.Single(_handlers.Interactions).UserId);
    }

    [Fact]
    public async Task AFailedEnvelopeIsNotAckedSoSlackRedeliversIt()
    {
        _handlers.OnEvent = _ => throw new InvalidOperationException("storage down");
        var callback = JsonNode.Parse("""{"type":"event_callback","team_id":"T0001","event_id":"Ev10","event":{"type":"app_mention"}}""")!;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _socket.SendEnvelopeAsync("events_api", callback, TimeSpan.FromSeconds(2)));
        Assert.Single(_handlers.Events);
    }

    [Fact]
    public async Task OnDisconnectItOpensTheNewConnectionBeforeClosingTheOld()
    {
        await _socket.DisconnectAsync("refresh_requested");

        var next = await _host.Slack.NextSocketAsync();
        await Task.Delay(300);
        Assert.False(_socket.Completion.IsCompleted, "the old link closed before the new one said hello");
        await next.HelloAsync();
        await _socket.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        var ack = await next.SendEnvelopeAsync(
            "events_api", JsonNode.Parse("""{"type":"event_callback","team_id":"T0001","event_id":"Ev11","event":{"type":"app_mention"}}""")!);
        Assert.Equal(JsonValueKind.String, ack.GetProperty("envelope_id").ValueKind);
        Assert.Equal(2, _host.Slack.CallsTo("apps.connections.open").Count);
    }

    [Fact]
    public async Task ReconnectsWhenTheConnectionDrops()
    {
        await _socket.CloseAsync();

        var next = await _host.Slack.NextSocketAsync();
        await next.HelloAsync();
        var ack = await next.SendEnvelopeAsync(
            "events_api", JsonNode.Parse("""{"type":"event_callback","team_id":"T0001","event_id":"Ev12","event":{"type":"app_mention"}}""")!);

        Assert.Equal("Ev12", Assert.Single(_handlers.Events).EventId);
        Assert.True(ack.TryGetProperty("envelope_id", out _));
    }
}
