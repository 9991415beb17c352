using Microsoft.Extensions.Options;

namespace RecognitionBot.Teams;

/// <summary>
/// Says at start-up, once, how far <c>/api/messages</c> trusts: every tenant (an explicit <c>*</c>), local mode asked
/// for where it is refused, or Teams not configured at all. These are choices, not errors, so they do not stop the app.
/// </summary>
internal sealed class TeamsTrustReport(IOptions<TeamsOptions> options, IHostEnvironment environment, ILogger<TeamsTrustReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Authenticated && settings.AllowsEveryTenant)
            logger.LogWarning(
                "Teams:AllowedTenants is \"*\": activities of every Microsoft 365 tenant are served, so anyone who installs the app can give and redeem");
        if (!settings.Authenticated && settings.LocalMode && environment.IsProduction())
            logger.LogWarning("Teams:LocalMode is ignored in Production: without Teams:AppId, /api/messages refuses every request");
        else if (!settings.Authenticated && !settings.LocalMode)
            logger.LogInformation("Teams is not configured (no Teams:AppId) and local mode is off: /api/messages refuses every request");
        else if (!settings.Authenticated)
            logger.LogWarning("Teams local mode: /api/messages accepts unauthenticated activities from this machine (not through a proxy)");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
