using RecognitionBot.Core.Integrations;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>Helpdesk agents by their work email, from Slack's users.lookupByEmail (scope users:read.email).</summary>
public sealed class SlackAgentDirectory(SlackApiClient api, SlackInstallations installations) : IAgentDirectory
{
    public Platform Platform => Platform.Slack;

    public async Task<MemberId?> FindByEmailAsync(WorkspaceId workspace, string email, CancellationToken cancellationToken)
    {
        var bot = await installations.BotForAsync(workspace, cancellationToken)
            ?? throw new InvalidOperationException($"Slack workspace {workspace.Id} is not installed.");
        return await api.LookupByEmailAsync(bot.Token, email, cancellationToken) is { } user ? new MemberId(user.Id) : null;
    }
}
