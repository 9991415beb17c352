using System.ComponentModel.DataAnnotations;

namespace RecognitionBot.Web.Tabs;

/// <summary>The <c>Tabs</c> section: where Teams single sign-on tokens are checked (PROTOCOLS B3). Tests point both at a local issuer.</summary>
public sealed class TabsOptions
{
    public const string Section = "Tabs";

    /// <summary>A tenant's Entra v2 OpenID metadata; <c>{tenant}</c> is replaced by the token's <c>tid</c>.</summary>
    [Required]
    public string SsoMetadataUrl { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>The issuer a v2 access token of that tenant carries; <c>{tenant}</c> as above.</summary>
    [Required]
    public string SsoIssuer { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0";

    /// <summary>The scope Teams asks for on the tab's behalf (the app registration exposes it).</summary>
    [Required]
    public string SsoScope { get; set; } = "access_as_user";
}
