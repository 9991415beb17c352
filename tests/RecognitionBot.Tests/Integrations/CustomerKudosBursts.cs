using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using static RecognitionBot.Tests.Integrations.CustomerKudosDriver;

namespace RecognitionBot.Tests.Integrations;

/// <summary>
/// A helpdesk replaying a day of ratings: every one accepted within the documented rate is celebrated exactly once
/// (queued through the outbox), and past the rate the answer is 429 with Retry-After and nothing recorded.
/// </summary>
public sealed partial class CustomerKudosBursts
{
    private static readonly string[] Agents = ["U0002", "U0003", "U0004", "U0005", "U0006"];

    private static async Task<CustomerKudosDriver> StartAsync(IDictionary<string, string?> settings)
    {
        var kudos = await CustomerKudosDriver.StartAsync(settings);
        foreach (var agent in Agents) kudos.Slack.Users[agent]["profile"]!["email"] = $"{agent.ToLowerInvariant()}@acme.test";
        return kudos;
    }

    [Fact]
    public async Task ABurstOf500RatingsIsCelebratedOnceEach()
    {
        // Slack's one post a second per channel would make this test eight minutes long: the pace is raised, the app is not changed.
        await using var kudos = await StartAsync(new Dictionary<string, string?> { ["Slack:PostsPerSecond"] = "1000" });
        var (id, secret, _) = await kudos.AddIntegrationAsync();
        var answers = new ConcurrentBag<HttpStatusCode>();

        await Parallel.ForEachAsync(Enumerable.Range(1, 500), new ParallelOptions { MaxDegreeOfParallelism = 25 }, async (n, _) =>
        {
            var body = HelpdeskSamples.Generic(ticket: $"B-{n}", agentEmail: $"{Agents[n % Agents.Length].ToLowerInvariant()}@acme.test",
                comment: $"Thank you for call {n}!");
            answers.Add((await kudos.PostAsync(id, secret, body)).StatusCode);
        });

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        await kudos.App.OutboxDrainedAsync(timeout: TimeSpan.FromMinutes(3));
        var tickets = kudos.App.PostsTo(LoveChannel).Select(c => Ticket().Match(c.Body).Value).ToList();
        Assert.Equal(500, tickets.Count);
        Assert.Equal(500, tickets.Distinct().Count());
        Assert.Equal(500, kudos.Slack.CallsTo("chat.postMessage").Count(c => c.Arg("channel")!.StartsWith("DU", StringComparison.Ordinal)));
        Assert.Equal(500, CountKudos(await kudos.StoredAsync()));
    }

    [Fact]
    public async Task PastTheRateRatingsGet429WithRetryAfterAndAreNotRecorded()
    {
        await using var kudos = await StartAsync(new Dictionary<string, string?> { ["CustomerKudos:Burst"] = "2", ["CustomerKudos:PerSecond"] = "1" });
        var (id, secret, _) = await kudos.AddIntegrationAsync();

        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(n =>
            kudos.PostAsync(id, secret, HelpdeskSamples.Generic(ticket: $"R-{n}", agentEmail: "u0002@acme.test"))));

        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, a => Assert.True(a.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(8, accepted + limited.Count);
        await kudos.App.OutboxDrainedAsync();
        Assert.Equal(accepted, kudos.App.PostsTo(LoveChannel).Count);
        Assert.Equal(accepted, CountKudos(await kudos.StoredAsync()));
    }

    private static int CountKudos(string stored) => stored.Split('\n').Count(l => l.Contains("|kudos|", StringComparison.Ordinal));

    [GeneratedRegex(@"B-\d+")]
    private static partial Regex Ticket();
}
