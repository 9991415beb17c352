using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Hosting;

/// <summary>
/// The real host (Program) in the given environment, on the test Azurite with tables of its own;
/// <paramref name="settings"/> add to or override that.
/// </summary>
public class AppHost(string environment, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        var all = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            // Generous: other tests must not depend on this shared machine's speed (WhenStorageStalls sets the real budget).
            ["Storage:CommandBudget"] = "00:00:30",
            ["Storage:TablePrefix"] = Azurite.UniquePrefix("host"),
        };
        foreach (var (key, value) in settings) all[key] = value;
        foreach (var (key, value) in all) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureServices(services);
    }
}
