using System.Collections.Concurrent;
using RecognitionBot.Slack;

namespace RecognitionBot.Tests.Slack.Fakes;

/// <summary>Stands in for the app's handlers where a test is about the transport: records what reached them.</summary>
public sealed class RecordingSlackHandlers : ISlackCommandHandler, ISlackInteractionHandler, ISlackEventHandler
{
    public ConcurrentQueue<SlackSlashCommand> Commands { get; } = new();

    public ConcurrentQueue<SlackInteraction> Interactions { get; } = new();

    public ConcurrentQueue<SlackEvent> Events { get; } = new();

    public Func<SlackSlashCommand, SlackMessage> Answer { get; set; } = c => new SlackMessage($"heard: {c.Text}");

    public Func<SlackEvent, Task>? OnEvent { get; set; }

    public Task<SlackMessage> HandleAsync(SlackSlashCommand command, CancellationToken ct)
    {
        Commands.Enqueue(command);
        return Task.FromResult(Answer(command));
    }

    public Task<SlackViewErrors?> HandleAsync(SlackInteraction interaction, CancellationToken ct)
    {
        Interactions.Enqueue(interaction);
        return Task.FromResult<SlackViewErrors?>(interaction.Type == SlackInteraction.ViewSubmission
            ? new SlackViewErrors(new Dictionary<string, string> { ["reason"] = "too short" })
            : null);
    }

    public async Task HandleAsync(SlackEvent slackEvent, CancellationToken ct)
    {
        Events.Enqueue(slackEvent);
        if (OnEvent is not null) await OnEvent(slackEvent);
    }
}
