using System.ComponentModel.DataAnnotations;

namespace RecognitionBot.Slack;

/// <summary>
/// The <c>Slack</c> configuration section. Slack is optional: with neither a signing secret nor an app token the
/// Slack endpoints answer 404 and no background connection is opened.
/// </summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    /// <summary>Verifies every HTTP request from Slack (one per app, shared by all installed workspaces).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Single-workspace mode: the bot token (xoxb-) used when no OAuth installation is stored for a team.</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token (xapp-) with <c>connections:write</c>: turns Socket Mode on.</summary>
    public string? AppToken { get; set; }

    /// <summary>OAuth v2 multi-workspace install; both or neither.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The bot scopes requested on install; the manifest lists the same ones.</summary>
    public string Scopes { get; set; } =
        "commands,chat:write,chat:write.public,im:write,users:read,usergroups:read,channels:read,groups:read,users:read.email";

    /// <summary>The callback registered in the app's OAuth settings; null derives it from the request (outside Production only).</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>Where users are sent to approve an install (GovSlack uses another host).</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    /// <summary>
    /// Message updates (chat.update, tier 3) the outbox makes per workspace and minute: Slack's own limit, so 150
    /// approval cards are redrawn over three minutes rather than throttled. A workspace Slack granted more may raise it.
    /// </summary>
    [Range(1, 100_000)]
    public int UpdatesPerMinute { get; set; } = 50;

    /// <summary>
    /// chat.postMessage per channel (and per DM) a second, after a burst of three: Slack's rule is about one. The burst
    /// test and the benchmark raise it, against a fake Slack, to measure the app rather than the pace.
    /// </summary>
    [Range(1, 10_000)]
    public int PostsPerSecond { get; set; } = 1;

    /// <summary>The Web API root. GovSlack and the tests point it elsewhere.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>
    /// Where the encryption key ring lives; null keeps it next to the tokens in <c>Storage:ConnectionString</c>.
    /// In production use another storage account, so that one leaked key does not expose both.
    /// </summary>
    public string? KeyRingConnectionString { get; set; }

    /// <summary>
    /// The certificate that encrypts the key ring at rest, as base64 PKCS#12: what an App Service Key Vault reference
    /// to a Key Vault certificate's secret resolves to. Whoever reads the storage account alone then cannot decrypt
    /// the bot tokens. Required in Production when OAuth installs are on.
    /// </summary>
    public string? KeyRingCertificate { get; set; }

    /// <summary>The same as a PKCS#12 file (e.g. <c>/var/ssl/private/{thumbprint}.p12</c> with <c>WEBSITE_LOAD_CERTIFICATES</c>).</summary>
    public string? KeyRingCertificatePath { get; set; }

    /// <summary>Password of <see cref="KeyRingCertificatePath"/>, if it has one.</summary>
    public string? KeyRingCertificatePassword { get; set; }

    /// <summary>Certificates the ring was encrypted with before a rotation (base64 PKCS#12): read older keys, never write.</summary>
    public List<string> KeyRingPreviousCertificates { get; set; } = [];

    /// <summary>Slack user ids that are admins of the bot in addition to workspace admins and owners.</summary>
    public List<string> AdminUserIds { get; set; } = [];

    /// <summary>How old (or how far in the future) a request timestamp may be, in seconds.</summary>
    [Range(1, 3600)]
    public int MaxRequestAgeSeconds { get; set; } = 300;

    /// <summary>Attempts per Web API call, counting the first; 429 and 5xx are retried.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff after a 5xx or a network failure; doubles each time.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A longer Retry-After than this is not waited out inline: the call fails and the outbox retries later.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a slash command may take before it is acknowledged with "one moment" and answered through its
    /// response_url instead: Slack shows an error to anyone whose command is not acknowledged within 3 seconds.
    /// </summary>
    public TimeSpan AckDeadline { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// Interaction follow-ups (decisions, card redraws, replies) running after their ack at once; past this a click
    /// is handled inline again, so a flood slows its own acks instead of growing memory.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxFollowUps { get; set; } = 256;

    /// <summary>
    /// How long a change waits before its App Home is published, so a burst (a kudos, then a decision) is one publish.
    /// Opening the tab publishes at once.
    /// </summary>
    public TimeSpan HomeDebounce { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Pause between two App Home publishes in one workspace: 0.7 s is about 85 a minute, under Tier 4's 100.</summary>
    public TimeSpan HomeInterval { get; set; } = TimeSpan.FromMilliseconds(700);

    /// <summary>App Homes waiting in one workspace; past this a change is published when its owner next opens the tab.</summary>
    [Range(1, 1_000_000)]
    public int MaxHomesWaiting { get; set; } = 20_000;

    public bool HttpEnabled => !string.IsNullOrWhiteSpace(SigningSecret);

    public bool SocketModeEnabled => !string.IsNullOrWhiteSpace(AppToken);

    public bool OAuthEnabled => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ApiBaseUrl.IsAbsoluteUri || !ApiBaseUrl.AbsoluteUri.EndsWith('/'))
            yield return new ValidationResult("Slack:ApiBaseUrl must be an absolute URL ending with '/'.", [nameof(ApiBaseUrl)]);
        if (string.IsNullOrWhiteSpace(ClientId) != string.IsNullOrWhiteSpace(ClientSecret))
            yield return new ValidationResult("Slack:ClientId and Slack:ClientSecret go together.", [nameof(ClientId), nameof(ClientSecret)]);
        if (OAuthEnabled && !HttpEnabled)
            yield return new ValidationResult(
                "OAuth install needs Slack:SigningSecret (installed workspaces call the HTTP endpoints).", [nameof(SigningSecret)]);
        if (BotToken is { Length: > 0 } bot && !bot.StartsWith("xoxb-", StringComparison.Ordinal))
            yield return new ValidationResult("Slack:BotToken must be a bot token (xoxb-...).", [nameof(BotToken)]);
        if (AppToken is { Length: > 0 } app && !app.StartsWith("xapp-", StringComparison.Ordinal))
            yield return new ValidationResult("Slack:AppToken must be an app-level token (xapp-...).", [nameof(AppToken)]);
        if (SocketModeEnabled && string.IsNullOrWhiteSpace(BotToken) && !OAuthEnabled)
            yield return new ValidationResult("Socket Mode needs Slack:BotToken to answer.", [nameof(BotToken)]);
        if (AckDeadline < TimeSpan.Zero || AckDeadline > TimeSpan.FromSeconds(2.9))
            yield return new ValidationResult("Slack:AckDeadline must be between 0 and 2.9 seconds.", [nameof(AckDeadline)]);
        if (!string.IsNullOrWhiteSpace(KeyRingCertificate) && !string.IsNullOrWhiteSpace(KeyRingCertificatePath))
            yield return new ValidationResult("Set Slack:KeyRingCertificate or Slack:KeyRingCertificatePath, not both.", [nameof(KeyRingCertificate)]);
        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
            yield return new ValidationResult("Slack retry delays must not be negative.", [nameof(RetryBaseDelay)]);
    }
}
