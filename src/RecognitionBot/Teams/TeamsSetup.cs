using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Outbox;

namespace RecognitionBot.Teams;

public static class TeamsSetup
{
    public const string MetadataHttpClientName = "botframework-metadata";

    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(MetadataHttpClientName);
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(sp =>
        {
            var url = sp.GetRequiredService<IOptions<TeamsOptions>>().Value.OpenIdMetadataUrl;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataHttpClientName);
            var retriever = new HttpDocumentRetriever(http) { RequireHttps = !TeamsOptionsValidator.IsLoopback(new Uri(url)) };
            return new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever);
        });
        services.AddSingleton<BotFrameworkSigningKeys>();
        services.AddSingleton<BotFrameworkAuth>();
        services.AddHostedService<TeamsTrustReport>();

        services.AddHttpClient(MsalTokenSource.HttpClientName);
        services.AddSingleton<MsalTokenSource>();

        services.AddTransient<ConnectorRetryHandler>();
        services.AddHttpClient(BotConnectorClient.HttpClientName).AddHttpMessageHandler<ConnectorRetryHandler>();
        services.AddSingleton<BotConnectorClient>();

        // Graph's own middleware (retry with Retry-After, redirects, compression) on a factory-made client.
        services.AddHttpClient(GraphClients.HttpClientName)
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
            {
                foreach (var handler in GraphClientFactory.CreateDefaultHandlers()) handlers.Add(handler);
            });
        services.AddSingleton<GraphClients>();
        services.AddSingleton<GraphManagerLookup>();
        services.AddSingleton<GraphDirectory>();
        services.AddSingleton<TeamsPeopleSearch>();
        services.AddSingleton<TeamsAdmins>();

        services.AddSingleton<DeliveryKeys>();
        services.AddSingleton<TeamsReferences>();
        services.AddSingleton<TeamsPoster>();
        services.AddSingleton<IMemberDirectory, TeamsMemberDirectory>();
        services.AddSingleton<IManagerLookup, TeamsManagerLookup>();
        services.AddSingleton<IChannelRoster, TeamsChannelRoster>();
        services.AddSingleton<IOutboxSender, TeamsOutboxSender>();
        services.AddScoped<TeamsBot>();
        return services;
    }

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", TeamsActivityEndpoint.HandleAsync);
        return endpoints;
    }
}
