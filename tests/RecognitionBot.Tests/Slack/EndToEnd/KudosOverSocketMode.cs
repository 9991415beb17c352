using System.Text.Json.Nodes;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>Socket Mode runs the very same commands and clicks as HTTP: the ledger, the posts and the answers agree.</summary>
public sealed class KudosOverSocketMode : IAsyncLifetime
{
    private SlackAppDriver _app = null!;
    private FakeSocket _socket = null!;

    public async Task InitializeAsync()
    {
        _app = await SlackAppDriver.StartAsync(new Dictionary<string, string?> { ["Slack:AppToken"] = "xapp-1-local" });
        _socket = await _app.Slack.NextSocketAsync();
        await _socket.HelloAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static JsonObject Command(string user, string text)
    {
        var payload = new JsonObject();
        foreach (var (k, v) in SlackTestHost.CommandFields(text, user)) payload[k] = v;
        return payload;
    }

    [Fact]
    public async Task AKudosSentOverTheSocketIsGivenAnsweredAndCelebrated()
    {
        var ack = await _socket.SendEnvelopeAsync("slash_commands", Command("U0001", "<@U0002|ann> +10 for the calm on the outage bridge #ownership"));

        var answer = ack.GetProperty("payload");
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        Assert.Contains("<@U0002>", Said(answer));
        Assert.Equal(10, (await _app.BalanceAsync("U0002")).Balance.Available);
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == Channel);
    }

    [Fact]
    public async Task ARedeliveredEnvelopeDoesNotGiveTwice()
    {
        var command = Command("U0001", "<@U0002> +10 for the calm on the outage bridge");

        var first = await _socket.SendEnvelopeAsync("slash_commands", command);
        var again = await _socket.SendEnvelopeAsync("slash_commands", command);

        Assert.Equal(Said(first.GetProperty("payload")), Said(again.GetProperty("payload")));
        Assert.Equal(10, (await _app.BalanceAsync("U0002")).Balance.Available);
    }

    [Fact]
    public async Task ABadCommandIsAnsweredWithTheSameExplanationAsOverHttp()
    {
        var ack = await _socket.SendEnvelopeAsync("slash_commands", Command("U0001", "<@U0001> +10 for being me"));

        Assert.Contains("can't recognise yourself", Said(ack.GetProperty("payload")));
        Assert.Equal(100, (await _app.BalanceAsync("U0001")).Allowance.Left);
    }
}
