namespace RecognitionBot.Hosting;

/// <summary>
/// Refuses to start in Production without what the platforms need: a storage account, and at least one
/// platform configured completely (Teams: app id, password, tenant; Slack: signing secret plus either a
/// bot token or OAuth client id and secret). Also catches a Key Vault reference App Service could not
/// resolve: it then passes the literal "@Microsoft.KeyVault(...)" text as the value.
/// Messages name the missing settings, never a value.
/// </summary>
public sealed class StartupChecks(IConfiguration configuration, IHostEnvironment environment, ILogger<StartupChecks> logger) : IHostedService
{
    public const string TeamsAppId = "Teams:AppId";
    public const string TeamsAppPassword = "Teams:AppPassword";
    public const string TeamsAppTenantId = "Teams:AppTenantId";
    public const string SlackSigningSecret = "Slack:SigningSecret";
    public const string SlackClientId = "Slack:ClientId";
    public const string SlackClientSecret = "Slack:ClientSecret";
    public const string SlackBotToken = "Slack:BotToken";
    public const string SlackRedirectUri = "Slack:RedirectUri";
    public const string SlackKeyRingCertificate = "Slack:KeyRingCertificate";
    public const string SlackKeyRingCertificatePath = "Slack:KeyRingCertificatePath";
    public const string StorageAccountUri = "Storage:AccountUri";
    public const string StorageConnectionString = "Storage:ConnectionString";

    private static readonly string[] AllKeys =
        [TeamsAppId, TeamsAppPassword, TeamsAppTenantId, SlackSigningSecret, SlackClientId, SlackClientSecret, SlackBotToken, StorageAccountUri,
            StorageConnectionString];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsProduction()) return Task.CompletedTask;

        var problems = Problems(configuration);
        if (problems.Count == 0) return Task.CompletedTask;

        var message = "RecognitionBot will not start in Production: " + string.Join(" ", problems) +
            " Settings come from app settings (Section__Key) or Key Vault references; see infra/README.md.";
        logger.LogCritical("{StartupProblem}", message);
        throw new InvalidOperationException(message);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What is missing or wrong, one sentence each; empty when the app may start.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        string? Get(string key) => string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key];

        var unresolved = AllKeys.Where(k => Get(k)?.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true).ToArray();
        foreach (var key in unresolved)
            problems.Add(
                $"{key} is a Key Vault reference App Service could not resolve " +
                "(does the app's identity have \"Key Vault Secrets User\" on the vault, and does the secret exist?).");

        if (Get(StorageAccountUri) is null && Get(StorageConnectionString) is null)
            problems.Add($"Storage is not configured: set {StorageAccountUri} (the table endpoint, reached with the managed identity).");
        else if (Get(StorageAccountUri) is null && Get(StorageConnectionString)!.Contains("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase))
            problems.Add($"{StorageConnectionString} points at the local storage emulator.");

        var teamsKeys = new[] { TeamsAppId, TeamsAppPassword, TeamsAppTenantId };
        var slackKeys = new[] { SlackSigningSecret, SlackClientId, SlackClientSecret, SlackBotToken };
        var teamsStarted = teamsKeys.Any(k => Get(k) is not null);
        var slackStarted = slackKeys.Any(k => Get(k) is not null);

        if (!teamsStarted && !slackStarted)
            problems.Add($"No platform is configured: set {TeamsAppId}, {TeamsAppPassword} and {TeamsAppTenantId} for Teams, " +
                $"and/or {SlackSigningSecret} with {SlackBotToken} or {SlackClientId} and {SlackClientSecret} for Slack.");

        if (teamsStarted)
        {
            var missing = teamsKeys.Where(k => Get(k) is null).ToArray();
            if (missing.Length > 0) problems.Add($"Teams is partly configured; missing: {string.Join(", ", missing)}.");
            else if (!Guid.TryParse(Get(TeamsAppId), out _)) problems.Add($"{TeamsAppId} must be the Entra application (client) id, a GUID.");
        }

        if (slackStarted)
        {
            if (Get(SlackSigningSecret) is null)
                problems.Add($"Slack is partly configured; missing: {SlackSigningSecret} (without it every Slack request would be refused).");
            var oauth = Get(SlackClientId) is not null || Get(SlackClientSecret) is not null;
            if (oauth && (Get(SlackClientId) is null || Get(SlackClientSecret) is null))
                problems.Add($"Slack OAuth installs need both {SlackClientId} and {SlackClientSecret}.");
            // Behind App Service's TLS termination the request looks like http://; a redirect built from it would not
            // match the one registered with Slack, so production names it.
            if (oauth && !(Uri.TryCreate(Get(SlackRedirectUri), UriKind.Absolute, out var redirect) && redirect.Scheme == Uri.UriSchemeHttps))
                problems.Add(
                    $"Slack OAuth installs need {SlackRedirectUri}: the https:// callback registered with Slack (https://<host>/slack/oauth/callback).");
            // Installed workspaces' tokens sit in the storage account; the key ring next to them must be encrypted
            // with a key that does not (Development may go without, with a warning).
            if (oauth && Get(SlackKeyRingCertificate) is null && Get(SlackKeyRingCertificatePath) is null)
                problems.Add(
                    $"Slack OAuth installs need {SlackKeyRingCertificate} (a Key Vault certificate, see infra/README.md) or {SlackKeyRingCertificatePath}: " +
                    "the key ring that encrypts the bot tokens must not be stored in plaintext.");
            if (!oauth && Get(SlackBotToken) is null)
                problems.Add($"Slack needs either {SlackBotToken} (one workspace) or {SlackClientId} and {SlackClientSecret} (OAuth installs).");
        }

        return problems;
    }
}

public static class StartupChecksExtensions
{
    /// <summary>Registers the Production configuration check; it runs before the server starts listening.</summary>
    public static IServiceCollection AddRecognitionStartupChecks(this IServiceCollection services)
    {
        // Inserted first so it runs before any other hosted service touches storage or the platforms.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StartupChecks>());
        return services;
    }
}
