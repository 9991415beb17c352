namespace RecognitionBot.Teams;

/// <summary>Turns an authenticated activity into core commands and core results into replies.</summary>
public sealed class TeamsBot(ILogger<TeamsBot> logger)
{
    public Task<InvokeResponse?> HandleAsync(Activity activity, CancellationToken ct)
    {
        // The core is not wired yet: activities are accepted and logged only.
        logger.LogInformation("Teams activity {Type} {Id} in {Conversation}", activity.Type, activity.Id, activity.Conversation?.Id);
        return Task.FromResult<InvokeResponse?>(null);
    }
}
