using Azure.Data.Tables;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Installations;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Storage;

namespace RecognitionBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>The key ring's table (before the storage prefix); infra/main.bicep creates the same.</summary>
    public const string KeyRingTable = "dataprotectionkeys";

    /// <summary>The Slack adapter: both transports, the Web API client, installations and their encryption.</summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SlackRequestVerifier>();
        services.AddHttpClient(SlackApiClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<SlackApiClient>();
        services.AddScoped<SlackInbound>();
        services.AddSingleton<SlackFollowUps>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackFollowUps>());
        services.AddSingleton<ISlackEventHandler, SlackInstallationEvents>();
        services.AddSingleton<ISlackEventHandler, SlackLeaverEvents>();
        services.AddSingleton<SlackHomePublisher>();
        services.AddSingleton<SlackHomeViewers>();
        services.AddSingleton<ISlackEventHandler, SlackAppHomeEvents>();
        services.AddSingleton<Core.Commands.ICommandObserver, SlackHomeObserver>();
        services.AddScoped<SlackComposerFlow>();
        services.AddScoped<ISlackCommandHandler, SlackKudosCommands>();
        services.AddScoped<ISlackInteractionHandler, SlackKudosInteractions>();
        services.AddSingleton<SlackMemberDirectory>();
        services.AddSingleton<IMemberDirectory>(sp => sp.GetRequiredService<SlackMemberDirectory>());
        services.AddSingleton<IChannelRoster, SlackChannelRoster>();
        services.AddSingleton<IOutboxSender, SlackOutboxSender>();
        services.AddHostedService<SlackSocketMode>();

        services.AddSingleton<SlackInstallations>();
        services.AddSingleton<IInstallationStore>(sp => new TableInstallationStore(sp.GetRequiredService<TableStore>().Installations));

        // Bot tokens are encrypted with Data Protection; its key ring must be the same on every instance, and is
        // itself encrypted with a certificate that lives outside the storage account (Key Vault). Data Protection
        // takes the certificate when registered, so it is loaded here, once, from the bound section.
        var keyRing = SlackKeyRingCertificates.Load(configuration.GetSection(SlackOptions.Section).Get<SlackOptions>() ?? new SlackOptions());
        services.AddSingleton(keyRing);
        services.AddHostedService<SlackKeyRingWarning>();
        var dataProtection = services.AddDataProtection().SetApplicationName("RecognitionBot");
        if (keyRing.Current is { } certificate) dataProtection.ProtectKeysWithCertificate(certificate);
        if (keyRing.Previous.Count > 0) dataProtection.UnprotectKeysWithAnyCertificate([.. keyRing.Previous]);
        services.AddSingleton(sp =>
        {
            var separate = sp.GetRequiredService<IOptions<SlackOptions>>().Value.KeyRingConnectionString;
            var table = string.IsNullOrEmpty(separate)
                ? sp.GetRequiredService<TableStore>().Client(KeyRingTable)
                : new TableClient(separate, sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix + KeyRingTable);
            return new TableKeyRing(table);
        });
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, sp) =>
            keys.XmlRepository = new SlackKeyRingRepository(sp.GetRequiredService<TableKeyRing>()));
        return services;
    }
}
