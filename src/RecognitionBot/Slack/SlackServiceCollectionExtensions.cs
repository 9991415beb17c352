using Azure.Data.Tables;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Installations;

namespace RecognitionBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>The Slack adapter: both transports, the Web API client, installations and their encryption.</summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SlackStorageOptions>().Bind(configuration.GetSection(SlackStorageOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SlackRequestVerifier>();
        services.AddHttpClient<SlackApiClient>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddScoped<SlackInbound>();
        services.AddSingleton<ISlackEventHandler, SlackInstallationEvents>();
        services.AddHostedService<SlackSocketMode>();

        services.AddSingleton<SlackInstallations>();
        services.AddSingleton<IInstallationStore>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<SlackStorageOptions>>().Value;
            if (string.IsNullOrEmpty(storage.ConnectionString))
                throw new InvalidOperationException("Slack OAuth installs need Storage:ConnectionString.");
            return new TableInstallationStore(new TableClient(storage.ConnectionString, storage.InstallationsTable));
        });

        // Bot tokens are encrypted with Data Protection; its key ring must be the same on every instance.
        services.AddDataProtection().SetApplicationName("RecognitionBot");
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<SlackStorageOptions>>().Value;
            var connection = sp.GetRequiredService<IOptions<SlackOptions>>().Value.KeyRingConnectionString ?? storage.ConnectionString;
            return new TableKeyRing(new TableClient(connection, storage.KeyRingTable));
        });
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, sp) =>
        {
            var storage = sp.GetRequiredService<IOptions<SlackStorageOptions>>().Value;
            var slack = sp.GetRequiredService<IOptions<SlackOptions>>().Value;
            // Without storage (a bare local run) ASP.NET's default per-machine key ring is fine.
            if (!string.IsNullOrEmpty(slack.KeyRingConnectionString ?? storage.ConnectionString))
                keys.XmlRepository = new SlackKeyRingRepository(sp.GetRequiredService<TableKeyRing>());
        });
        return services;
    }
}
