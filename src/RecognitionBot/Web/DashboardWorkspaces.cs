using Microsoft.Extensions.Options;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Slack;
using RecognitionBot.Teams;

namespace RecognitionBot.Web;

/// <summary>
/// Whether a workspace is one the app serves, by the same rules its platform adapter applies to every request: a
/// Slack team with a bot (installed, or the configured single workspace), a Teams tenant in <c>Teams:AllowedTenants</c>.
/// </summary>
public sealed class DashboardWorkspaces(SlackInstallations slack, IOptions<SlackOptions> slackOptions, IOptions<TeamsOptions> teams,
    ILogger<DashboardWorkspaces> log)
{
    public async Task<bool> IsServedAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var served = workspace.Platform switch
        {
            Platform.Slack => SlackConfigured && await slack.BotForAsync(workspace, cancellationToken) is not null,
            Platform.Teams => Guid.TryParse(workspace.Id, out _) && teams.Value.AllowsTenant(workspace.Id),
            _ => false,
        };
        if (!served) log.LogWarning("Dashboard sign-in refused: workspace {Workspace} is not served", workspace);
        return served;
    }

    private bool SlackConfigured => !string.IsNullOrWhiteSpace(slackOptions.Value.SigningSecret) || !string.IsNullOrWhiteSpace(slackOptions.Value.AppToken);
}
