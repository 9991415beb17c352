using RecognitionBot.Core.Integrations;

namespace RecognitionBot.Integrations;

public static class CustomerKudosServiceCollectionExtensions
{
    /// <summary>Customer kudos from helpdesks: options (section <c>CustomerKudos</c>), secrets' encryption, agents by email.</summary>
    public static IServiceCollection AddCustomerKudos(this IServiceCollection services)
    {
        services.AddOptions<CustomerKudosOptions>().BindConfiguration(CustomerKudosOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ISecretProtector, DataProtectionSecrets>();
        services.AddSingleton<IAgentDirectory, Slack.SlackAgentDirectory>();
        services.AddSingleton<IAgentDirectory, Teams.TeamsAgentDirectory>();
        services.AddSingleton<CustomerKudosEndpoint>();
        return services;
    }

    public static IEndpointRouteBuilder MapCustomerKudos(this IEndpointRouteBuilder app)
    {
        app.MapPost(CustomerKudosPaths.Prefix + "{id}", (HttpContext http, string id, CustomerKudosEndpoint endpoint, CancellationToken ct) =>
            endpoint.HandleAsync(http, id, ct));
        return app;
    }
}
