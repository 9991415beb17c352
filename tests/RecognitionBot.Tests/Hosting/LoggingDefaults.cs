using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Hosting;

/// <summary>
/// The host's appsettings.json keeps a deployed host quiet: the framework's request logs and every outgoing HTTP
/// call at Warning (they were about 23 lines per kudos at Information), our own events at Information.
/// </summary>
public sealed class LoggingDefaults
{
    private static Dictionary<string, string?> TeamsComplete() => new()
    {
        ["Teams:AppId"] = "3f0c2a8e-5b1d-4c7e-9a6f-2e8d4b1c0a97",
        ["Teams:AppPassword"] = "pw",
        ["Teams:AppTenantId"] = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
    };

    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [InlineData("Microsoft.AspNetCore.Routing.EndpointMiddleware")]
    [InlineData("System.Net.Http.HttpClient.slack.LogicalHandler")]
    [InlineData("System.Net.Http.HttpClient.Default.ClientHandler")]
    [InlineData("Azure.Core")]
    public async Task KeepsFrameworkAndHttpClientCategoriesAtWarningInProduction(string category)
    {
        using var host = new AppHost("Production", TeamsComplete());
        await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.False(logger.IsEnabled(LogLevel.Information), $"{category} logs at Information");
        Assert.True(logger.IsEnabled(LogLevel.Warning), $"{category} does not log warnings");
    }

    [Theory]
    [InlineData("RecognitionBot.Slack.SlackKudosInteractions")]
    [InlineData("RecognitionBot.Core.Commands.CommandPipeline")]
    [InlineData("Microsoft.Hosting.Lifetime")]
    public async Task KeepsOurOwnEventsAndTheHostsLifetimeAtInformation(string category)
    {
        using var host = new AppHost("Production", TeamsComplete());
        await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.True(logger.IsEnabled(LogLevel.Information), $"{category} is quieter than Information");
        Assert.False(logger.IsEnabled(LogLevel.Debug), $"{category} logs at Debug");
    }
}
