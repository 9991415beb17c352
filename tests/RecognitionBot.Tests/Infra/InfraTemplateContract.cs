using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Storage;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Infra;

/// <summary>
/// What the compiled template deploys: the security settings and the app settings the host reads. A change
/// that weakens one of them, or renames a setting the app expects, fails here before it reaches Azure.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class InfraTemplateContract(CompiledInfra infra)
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string KeyVaultCertificatesOfficer = "a4417e6f-fecd-4de8-b567-7b0420556985";

    [Fact]
    public void StorageAllowsOnlyEntraIdOverTls12()
    {
        var account = Single("Microsoft.Storage/storageAccounts");
        var p = account["properties"]!;
        Assert.False(p["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(p["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.True(p["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", p["minimumTlsVersion"]!.GetValue<string>());
    }

    [Fact]
    public void EveryTableTheAppUsesIsCreatedWithTheConfigurablePrefix()
    {
        var text = Text(infra.MainTemplate);
        // The names the code uses, not a copy of them: a table renamed on one side only fails here.
        var store = new TableStore(Options.Create(new StorageOptions { ConnectionString = Azurite.ConnectionString }));
        foreach (var table in store.All.Select(t => t.Name).Append(SlackServiceCollectionExtensions.KeyRingTable).Append(SlackHomeViewers.Table))
            Assert.Contains($"'{table}'", text);
        Assert.Contains("parameters('tablePrefix')", text);
        Assert.Single(infra.ResourcesOfType("Microsoft.Storage/storageAccounts/tableServices/tables"));
    }

    [Fact]
    public void TheWebAppIsLinuxDotNet10HttpsOnlyWithAHealthCheck()
    {
        var site = Single("Microsoft.Web/sites");
        Assert.Equal("SystemAssigned", site["identity"]!["type"]!.GetValue<string>());
        var p = site["properties"]!;
        Assert.True(p["httpsOnly"]!.GetValue<bool>());
        var config = p["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", config["linuxFxVersion"]!.GetValue<string>());
        Assert.Equal("1.2", config["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("Disabled", config["ftpsState"]!.GetValue<string>());
        Assert.True(config["alwaysOn"]!.GetValue<bool>());
        Assert.Equal("/healthz", config["healthCheckPath"]!.GetValue<string>());
        Assert.True(Single("Microsoft.Web/serverfarms")["properties"]!["reserved"]!.GetValue<bool>());
    }

    [Fact]
    public void TheAppGetsEverySettingItReadsAndSecretsOnlyAsKeyVaultReferences()
    {
        var webModule = Module("webapp");
        var plain = Text(webModule["parameters"]!["appSettings"]!["value"]!);
        Assert.Equal("[variables('keyVaultReferences')]", webModule["parameters"]!["keyVaultReferences"]!["value"]!.GetValue<string>());
        var references = Text(infra.MainTemplate["variables"]!["keyVaultReferences"]!);
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "Storage__AccountUri", "Storage__TablePrefix", "Teams__AppId", "Teams__AppTenantId",
            "Slack__ClientId", "Slack__RedirectUri" })
            Assert.Contains($"'{name}'", plain);
        foreach (var name in new[] { "Teams__AppPassword", "Slack__SigningSecret", "Slack__ClientSecret", "Slack__BotToken", "Slack__KeyRingCertificate" })
        {
            Assert.Contains($"'{name}'", references);
            Assert.DoesNotContain(name, plain);
        }
        Assert.Contains("'ASPNETCORE_ENVIRONMENT', 'Production'", plain);
        Assert.Contains("/slack/oauth/callback", plain);
        Assert.Contains("'https://{0}", plain);
        Assert.Contains("outputs.tableEndpoint", plain);

        var webTemplate = Text(webModule["template"]!);
        Assert.Contains("'@Microsoft.KeyVault(SecretUri={0}secrets/{1})'", webTemplate);
        Assert.Contains("environment().suffixes.keyvaultDns", webTemplate);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", Text(Single("Microsoft.Web/sites")));
    }

    [Fact]
    public void TheAppIdentityGetsTableDataAndSecretsUserRoles()
    {
        var module = Module("roleassignments");
        var principal = module["parameters"]!["principalId"]!["value"]!.GetValue<string>();
        Assert.Contains("'webapp'", principal);
        Assert.EndsWith(".outputs.principalId.value]", principal);
        var template = module["template"]!;
        Assert.Equal(StorageTableDataContributor, template["variables"]!["storageTableDataContributor"]!.GetValue<string>());
        Assert.Equal(KeyVaultSecretsUser, template["variables"]!["keyVaultSecretsUser"]!.GetValue<string>());
        var roles = infra.ResourcesOfType("Microsoft.Authorization/roleAssignments").Select(Text).ToArray();
        // The third is the key ring script's (KeyRingCertificateIsCreatedInTheVaultAndReadByTheApp).
        Assert.Equal(3, roles.Length);
        Assert.All(roles, r => Assert.Contains("\"principalType\":\"ServicePrincipal\"", r));
        Assert.Contains(
            roles, r => r.Contains("variables('storageTableDataContributor')", StringComparison.Ordinal)
            && r.Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal));
        Assert.Contains(
            roles, r => r.Contains("variables('keyVaultSecretsUser')", StringComparison.Ordinal)
            && r.Contains("Microsoft.KeyVault/vaults", StringComparison.Ordinal));
    }

    [Fact]
    public void KeyVaultUsesRbacAndHoldsThePlatformSecrets()
    {
        var vault = Single("Microsoft.KeyVault/vaults");
        Assert.True(vault["properties"]!["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.Single(infra.ResourcesOfType("Microsoft.KeyVault/vaults/secrets"));
        Assert.Equal("[variables('secretValues')]", Module("keyvault")["parameters"]!["secrets"]!["value"]!.GetValue<string>());
        var secrets = Text(infra.MainTemplate["variables"]!["secretValues"]!);
        foreach (var secret in new[] { "teamsAppPassword", "slackSigningSecret", "slackClientSecret", "slackBotToken" })
            Assert.Contains($"parameters('{secret}')", secrets);
    }

    [Fact]
    public void KeyRingCertificateIsCreatedInTheVaultAndReadByTheApp()
    {
        var script = Single("Microsoft.Resources/deploymentScripts");
        var content = script["properties"]!["scriptContent"]!.GetValue<string>();
        Assert.Contains("az keyvault certificate create", content);
        // Created once: a certificate that exists is never replaced (keys written with it would become unreadable).
        Assert.True(content.IndexOf("certificate show", StringComparison.Ordinal) < content.IndexOf("certificate create", StringComparison.Ordinal));
        var module = Module("keyringcertificate")["template"]!;
        var policy = Text(module["variables"]!["policy"]!);
        Assert.Contains("\"exportable\":true", policy);
        Assert.Contains("\"keyType\":\"RSA\"", policy);
        Assert.Contains("application/x-pkcs12", policy);
        Assert.DoesNotContain("AutoRenew", policy);
        var officer = Assert.Single(
            infra.ResourcesOfType("Microsoft.Authorization/roleAssignments"), r => Text(r).Contains("keyVaultCertificatesOfficer", StringComparison.Ordinal));
        Assert.Contains("Microsoft.KeyVault/vaults", Text(officer));
        Assert.Equal(KeyVaultCertificatesOfficer, module["variables"]!["keyVaultCertificatesOfficer"]!.GetValue<string>());

        // The app reads the certificate's secret through a Key Vault reference, and only once it exists.
        Assert.Contains("'Slack__KeyRingCertificate', variables('keyRingCertificateName')", Text(infra.MainTemplate["variables"]!["keyVaultReferences"]!));
        Assert.Equal("slack-keyring", infra.MainTemplate["variables"]!["keyRingCertificateName"]!.GetValue<string>());
        var web = Assert.Single(infra.ResourcesOfType("Microsoft.Resources/deployments"), d => d["name"]?.GetValue<string>() == "webapp");
        Assert.Contains("keyringcertificate", Text(web["dependsOn"]!));
    }

    [Fact]
    public void TheBotIsSingleTenantWithTheTeamsChannelAndPointsAtTheApp()
    {
        var bot = Single("Microsoft.BotService/botServices");
        var p = bot["properties"]!;
        Assert.Equal("global", bot["location"]!.GetValue<string>());
        Assert.Equal("SingleTenant", p["msaAppType"]!.GetValue<string>());
        Assert.Contains("msaAppTenantId", p.ToJsonString());
        Assert.Contains("/api/messages", p["endpoint"]!.GetValue<string>());
        Assert.StartsWith("[format('https://", p["endpoint"]!.GetValue<string>());
        var channel = Single("Microsoft.BotService/botServices/channels");
        Assert.Equal("MsTeamsChannel", channel["properties"]!["channelName"]!.GetValue<string>());
        Assert.True(channel["properties"]!["properties"]!["isEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public void TelemetryGoesToAWorkspaceBasedApplicationInsights()
    {
        var component = Single("Microsoft.Insights/components");
        Assert.Contains("Microsoft.OperationalInsights/workspaces", component["properties"]!["WorkspaceResourceId"]!.GetValue<string>());
        Assert.Single(infra.ResourcesOfType("Microsoft.OperationalInsights/workspaces"));
    }

    private static readonly JsonSerializerOptions _plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Text(JsonNode node) => node.ToJsonString(_plain);

    private JsonObject Single(string type) => Assert.Single(infra.ResourcesOfType(type));

    private JsonObject Module(string deploymentName) =>
        Assert.Single(infra.ResourcesOfType("Microsoft.Resources/deployments"),
            d => d["name"]?.GetValue<string>() == deploymentName)["properties"]!.AsObject();
}
