namespace RecognitionBot.Slack;

/// <summary>
/// The <c>Storage</c> section as the Slack adapter reads it: where its installation and key-ring tables live.
/// </summary>
public sealed class SlackStorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }

    /// <summary>Prepended to every table name, so tests and several deployments can share one account.</summary>
    public string TablePrefix { get; set; } = "";

    public string InstallationsTable => $"{TablePrefix}installations";

    public string KeyRingTable => $"{TablePrefix}dataprotectionkeys";
}
