using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RecognitionBot.Observability;
using RecognitionBot.Tests.Hosting;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Observability;

/// <summary>
/// The bot's metrics and traces go through the OpenTelemetry pipeline the host builds (here into in-memory
/// exporters), and to Application Insights only when its connection string is configured.
/// </summary>
public sealed class TelemetryPipeline : IDisposable
{
    // Exporters add from other threads (a span ends on the request's thread): collections that lock.
    private readonly LockedList<MetricSnapshot> _metrics = new();
    private readonly LockedList<Activity> _spans = new();
    private readonly AppHost _host;

    public TelemetryPipeline()
    {
        _host = new AppHost("Development", new Dictionary<string, string?> { ["Telemetry:Traces"] = "true" }, services => services
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics))
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans)));
        _host.CreateClient();
    }

    [Fact]
    public void ExportsKudosRedemptionsCommandLatencyAndOutboxBacklog()
    {
        // Other hosts in this test run may record too: this test's points carry a platform of their own.
        var platform = "test-" + Guid.NewGuid().ToString("N")[..8];
        var metrics = _host.Services.GetRequiredService<RecognitionMetrics>();
        metrics.KudosGiven(platform, recipients: 2, pointsEach: 10);
        metrics.Redemption(platform, "approved");
        metrics.CommandHandled(platform, "give", "given", TimeSpan.FromMilliseconds(120));
        metrics.OutboxBacklog(7);
        metrics.OutboxFailure(platform, permanent: false);

        Flush();

        Assert.Equal(2, Sum("recognitionbot.kudos.given", ("platform", platform)));
        Assert.Equal(20, Sum("recognitionbot.kudos.points", ("platform", platform)));
        Assert.Equal(1, Sum("recognitionbot.redemptions", ("platform", platform)));
        Assert.Equal(1, Sum("recognitionbot.outbox.failures", ("platform", platform)));
        Assert.Equal(1, Point("recognitionbot.command.duration", ("platform", platform)).GetHistogramCount());
        // Every host in this test run has a gauge of that name and OpenTelemetry keeps one value for them all: here
        // only its export is checked; CountingCommands checks the value on this host's own meter.
        Assert.NotEmpty(Points("recognitionbot.outbox.backlog"));
    }

    [Fact]
    public void ExportsTheOtherRecognitionBotMetersToo()
    {
        using var meter = new System.Diagnostics.Metrics.Meter("RecognitionBot.Probe" + Guid.NewGuid().ToString("N")[..8]);
        meter.CreateCounter<long>("recognitionbot.probe.count").Add(3, new KeyValuePair<string, object?>("probe", meter.Name));

        Flush();

        Assert.Equal(3, Sum("recognitionbot.probe.count", ("probe", meter.Name)));
    }

    [Fact]
    public async Task CountsA429FromAPlatformApiByClientName()
    {
        using var platform = new TooManyRequestsServer();
        var clientName = "slack-" + Guid.NewGuid().ToString("N")[..8];
        var client = _host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);

        var response = await client.GetAsync(platform.Url);
        Flush();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, Sum("recognitionbot.platform.throttled", ("client", clientName)));
    }

    [Fact]
    public async Task TracesRequestsButNotHealthProbes()
    {
        var client = _host.CreateClient();
        await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        // The server span ends a moment after the client has its answer: flush until it is there.
        var until = DateTime.UtcNow.AddSeconds(10);
        string?[] paths;
        do
        {
            _host.Services.GetRequiredService<TracerProvider>().ForceFlush();
            paths = _spans.Snapshot().Select(s => s.GetTagItem("url.path") as string).ToArray();
            if (paths.Contains("/no-such-page")) break;
            await Task.Delay(50);
        } while (DateTime.UtcNow < until);

        Assert.Contains("/no-such-page", paths);
        Assert.DoesNotContain("/healthz", paths);
    }

    private void Flush()
    {
        _metrics.Clear();
        _host.Services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    private long Sum(string name, (string Key, string Value) tag) => Point(name, tag).GetSumLong();

    private IReadOnlyList<MetricPoint> Points(string name)
    {
        var points = _metrics.Snapshot().Where(m => m.Name == name).SelectMany(m => m.MetricPoints).ToArray();
        return points.Length > 0 ? points : throw new Xunit.Sdk.XunitException($"Metric {name} was not exported.");
    }

    private MetricPoint Point(string name, (string Key, string Value) tag)
    {
        foreach (var point in Points(name))
            foreach (var t in point.Tags)
                if (t.Key == tag.Key && Equals(t.Value, tag.Value)) return point;
        throw new Xunit.Sdk.XunitException($"Metric {name} has no point tagged {tag}.");
    }

    public void Dispose() => _host.Dispose();

    private sealed class LockedList<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count { get { lock (_items) return _items.Count; } }
        public bool IsReadOnly => false;
        public T[] Snapshot() { lock (_items) return [.. _items]; }
        public void Add(T item) { lock (_items) _items.Add(item); }
        public void Clear() { lock (_items) _items.Clear(); }
        public bool Contains(T item) { lock (_items) return _items.Contains(item); }
        public void CopyTo(T[] array, int arrayIndex) { lock (_items) _items.CopyTo(array, arrayIndex); }
        public bool Remove(T item) { lock (_items) return _items.Remove(item); }
        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Snapshot()).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A platform API on loopback that answers every request with 429 and Retry-After.</summary>
    private sealed class TooManyRequestsServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public TooManyRequestsServer()
        {
            var port = OwnAzurite.FreePort();
            Url = new Uri($"http://127.0.0.1:{port}/api/chat.postMessage");
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync(); }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                    context.Response.StatusCode = 429;
                    context.Response.Headers["Retry-After"] = "1";
                    context.Response.Close();
                }
            });
        }

        public Uri Url { get; }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}

/// <summary>Application Insights gets the telemetry only when its connection string is configured.</summary>
public sealed class ApplicationInsightsExport
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/", true)]
    public void ExportsToApplicationInsightsOnlyWithAConnectionString(string? connectionString, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [RecognitionBot.Observability.Telemetry.ConnectionStringSetting] = connectionString })
            .Build();
        var services = new ServiceCollection();

        services.AddRecognitionTelemetry(configuration);

        // Only the registrations are inspected: building the exporter would start it (and its Azure resource detectors).
        Assert.Equal(expected, services.Any(d => MentionsAzureMonitor(d.ServiceType) || MentionsAzureMonitor(d.ImplementationType)));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public async Task RecordsRequestSpansOnlyWhenSomethingExportsThem(string? traces, bool expected)
    {
        // Spans nobody exports cost every request CPU for nothing: without Application Insights they are opt-in.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:Traces"] = traces })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddRecognitionTelemetry(configuration).BuildServiceProvider();
        var provider = services.GetService<OpenTelemetry.Trace.TracerProvider>();
        using var server = new System.Diagnostics.ActivitySource("Microsoft.AspNetCore");

        using var span = server.StartActivity("GET /slack/commands", System.Diagnostics.ActivityKind.Server);

        Assert.NotNull(provider);
        Assert.Equal(expected, span is not null && span.Recorded);
    }

    private static bool MentionsAzureMonitor(Type? type) =>
        type is not null && (type.Assembly.GetName().Name!.StartsWith("Azure.Monitor", StringComparison.Ordinal) ||
                             type.GetGenericArguments().Any(MentionsAzureMonitor));
}
