using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Installations;

/// <summary>
/// An app installed into a workspace (or a whole organisation) by one of its admins, with the credential the
/// platform issued. The core never reads the secret: the host protects it before saving and unprotects it on use.
/// </summary>
/// <param name="Platform">The platform the app was installed on.</param>
/// <param name="Key">The platform's id for what was installed into, e.g. a Slack team id or, for an org-wide install, its enterprise id.</param>
/// <param name="ProtectedSecret">The credential, already encrypted by the host.</param>
/// <param name="InstalledAt">When the (latest) install happened.</param>
public sealed record Installation(
    Platform Platform,
    string Key,
    string ProtectedSecret,
    DateTimeOffset InstalledAt)
{
    public string? Name { get; init; }

    public string? BotUserId { get; init; }

    public string? AppId { get; init; }

    public string? InstalledBy { get; init; }

    public string? Scopes { get; init; }
}
