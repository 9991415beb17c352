using Microsoft.Extensions.Configuration;
using RecognitionBot.Hosting;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Hosting;

/// <summary>In Production the host refuses to start without the platform secrets, and says which are missing.</summary>
public sealed class StartingInProduction
{
    private const string AppId = "3f0c2a8e-5b1d-4c7e-9a6f-2e8d4b1c0a97";
    private const string TenantId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private const string Password = "pw-that-must-never-be-printed";

    private static Dictionary<string, string?> Storage() => new() { ["Storage:ConnectionString"] = Azurite.ConnectionString };

    private static Dictionary<string, string?> TeamsComplete() => new(Storage())
    {
        ["Teams:AppId"] = AppId,
        ["Teams:AppPassword"] = Password,
        ["Teams:AppTenantId"] = TenantId,
    };

    [Fact]
    public void RefusesToStartWithNoPlatformSecrets()
    {
        using var host = new AppHost("Production", Storage());

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var message = AllMessages(error);
        Assert.Contains("will not start in Production", message);
        Assert.Contains("No platform is configured", message);
        Assert.Contains("Teams:AppPassword", message);
        Assert.Contains("Slack:SigningSecret", message);
    }

    [Fact]
    public void RefusesToStartWithTeamsHalfConfiguredAndNeverPrintsTheSecret()
    {
        var settings = TeamsComplete();
        settings["Teams:AppTenantId"] = "";
        using var host = new AppHost("Production", settings);

        var message = AllMessages(Assert.ThrowsAny<Exception>(() => host.CreateClient()));

        Assert.Contains("missing: Teams:AppTenantId", message);
        Assert.DoesNotContain(Password, message);
        Assert.DoesNotContain(AppId, message);
    }

    [Fact]
    public void RefusesToStartWhenAKeyVaultReferenceWasNotResolved()
    {
        var settings = TeamsComplete();
        settings["Teams:AppPassword"] = "@Microsoft.KeyVault(SecretUri=https://kv-recbot.vault.azure.net/secrets/teams-app-password)";
        using var host = new AppHost("Production", settings);

        var message = AllMessages(Assert.ThrowsAny<Exception>(() => host.CreateClient()));

        Assert.Contains("Teams:AppPassword is a Key Vault reference App Service could not resolve", message);
    }

    [Fact]
    public async Task StartsWithTeamsConfiguredAndAnswersTheHealthProbe()
    {
        using var host = new AppHost("Production", TeamsComplete());

        var response = await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode, $"/healthz answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task StartsOutsideProductionWithoutPlatformSecrets()
    {
        using var host = new AppHost("Development", new Dictionary<string, string?>());

        var response = await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode);
    }

    private const string Redirect = "https://bot.example/slack/oauth/callback";

    public static TheoryData<string, string[], string?> Cases => new()
    {
        // name, settings as key=value, expected problem fragment (null: may start)
        { "teams complete", ["Teams:AppId=" + AppId, "Teams:AppPassword=x", "Teams:AppTenantId=" + TenantId], null },
        { "teams id not a guid", ["Teams:AppId=my-bot", "Teams:AppPassword=x", "Teams:AppTenantId=" + TenantId], "must be the Entra application (client) id" },
        { "slack single workspace", ["Slack:SigningSecret=s", "Slack:BotToken=xoxb-1"], null },
        { "slack oauth",
            ["Slack:SigningSecret=s", "Slack:ClientId=1.2", "Slack:ClientSecret=c", "Slack:RedirectUri=" + Redirect, "Slack:KeyRingCertificate=MIIK"], null },
        { "slack oauth, key ring from a file",
            ["Slack:SigningSecret=s", "Slack:ClientId=1.2", "Slack:ClientSecret=c", "Slack:RedirectUri=" + Redirect,
            "Slack:KeyRingCertificatePath=/var/ssl/private/AB.p12"], null },
        { "slack oauth without a key ring certificate",
            ["Slack:SigningSecret=s", "Slack:ClientId=1.2", "Slack:ClientSecret=c", "Slack:RedirectUri=" + Redirect], "need Slack:KeyRingCertificate" },
        { "slack oauth without a redirect uri", ["Slack:SigningSecret=s", "Slack:ClientId=1.2", "Slack:ClientSecret=c", "Slack:KeyRingCertificate=MIIK"],
            "need Slack:RedirectUri" },
        { "slack oauth with an http redirect uri",
            ["Slack:SigningSecret=s", "Slack:ClientId=1.2", "Slack:ClientSecret=c", "Slack:RedirectUri=http://bot.example/slack/oauth/callback",
            "Slack:KeyRingCertificate=MIIK"], "need Slack:RedirectUri" },
        { "slack without signing secret", ["Slack:BotToken=xoxb-1"], "missing: Slack:SigningSecret" },
        { "slack oauth half", ["Slack:SigningSecret=s", "Slack:ClientId=1.2"], "need both Slack:ClientId and Slack:ClientSecret" },
        { "slack no token nor oauth", ["Slack:SigningSecret=s"], "Slack needs either Slack:BotToken" },
        { "both platforms", ["Teams:AppId=" + AppId, "Teams:AppPassword=x", "Teams:AppTenantId=" + TenantId, "Slack:SigningSecret=s", "Slack:BotToken=xoxb-1"],
            null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ChecksEachPlatformsSettings(string name, string[] pairs, string? expected)
    {
        var values = pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);
        values["Storage:AccountUri"] = "https://strecbot.table.core.windows.net/";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var problems = StartupChecks.Problems(configuration);

        if (expected is null) Assert.True(problems.Count == 0, $"{name}: {string.Join(" | ", problems)}");
        else Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "Storage is not configured")]
    [InlineData("UseDevelopmentStorage=true", "points at the local storage emulator")]
    public void RequiresARealStorageAccount(string? connectionString, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Slack:SigningSecret"] = "s",
            ["Slack:BotToken"] = "xoxb-1",
        }).Build();

        Assert.Contains(StartupChecks.Problems(configuration), p => p.Contains(expected, StringComparison.Ordinal));
    }

    private static string AllMessages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException) messages.Add(e.Message);
        if (error is AggregateException aggregate) messages.AddRange(aggregate.Flatten().InnerExceptions.Select(e => e.Message));
        return string.Join("\n", messages);
    }
}
