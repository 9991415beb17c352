namespace RecognitionBot.Web;

/// <summary>
/// The <c>Dashboard:PublicUrl</c> setting: the dashboard's public address (https://kudos.contoso.com/dashboard).
/// Chat surfaces link to it only when it is set; the Teams SSO audience names its host.
/// </summary>
public sealed class DashboardAddress
{
    public const string Section = "Dashboard";

    public Uri? PublicUrl { get; set; }

    public bool IsConfigured => PublicUrl is { IsAbsoluteUri: true };

    /// <summary>The address of a dashboard page, e.g. <c>Link("tabs/personal")</c>; null when the dashboard is not configured.</summary>
    public string? Link(string? page = null) =>
        IsConfigured ? PublicUrl!.AbsoluteUri.TrimEnd('/') + (string.IsNullOrEmpty(page) ? "" : "/" + page.TrimStart('/')) : null;
}
