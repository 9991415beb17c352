using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RecognitionBot.Observability;

/// <summary>
/// The bot's own metrics and spans (meter and activity source "RecognitionBot"), exported by OpenTelemetry
/// with the ASP.NET Core and HttpClient ones. Adapters and jobs call the Record methods; tags are small
/// closed sets (platform, command, outcome), never user ids or message text.
/// </summary>
public sealed class RecognitionMetrics
{
    public const string MeterName = "RecognitionBot";
    public const string ActivitySourceName = "RecognitionBot";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    private readonly Counter<long> _kudosGiven;
    private readonly Counter<long> _kudosPoints;
    private readonly Counter<long> _redemptions;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _outboxFailures;
    private readonly Counter<long> _platformThrottled;
    private long _outboxBacklog;

    public RecognitionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _kudosGiven = meter.CreateCounter<long>("recognitionbot.kudos.given", "{kudos}", "Kudos given (one per recipient).");
        _kudosPoints = meter.CreateCounter<long>("recognitionbot.kudos.points", "{point}", "Points given.");
        _redemptions = meter.CreateCounter<long>(
            "recognitionbot.redemptions", "{redemption}", "Redemptions by outcome: requested, approved, rejected, cancelled, refused.");
        _commandDuration = meter.CreateHistogram<double>("recognitionbot.command.duration", "s", "Time from a command's arrival to the answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10] });
        _outboxFailures = meter.CreateCounter<long>(
            "recognitionbot.outbox.failures", "{post}", "Outbox posts that failed (transient: retried; permanent: given up).");
        _platformThrottled = meter.CreateCounter<long>(
            "recognitionbot.platform.throttled", "{response}", "HTTP 429 answers from Slack, the Bot Connector or Graph.");
        meter.CreateObservableGauge("recognitionbot.outbox.backlog", () => Interlocked.Read(ref _outboxBacklog), "{post}", "Outbox posts waiting to be sent.");
    }

    public void KudosGiven(string platform, int recipients, int pointsEach)
    {
        var tag = new KeyValuePair<string, object?>("platform", platform);
        _kudosGiven.Add(recipients, tag);
        _kudosPoints.Add((long)recipients * pointsEach, tag);
    }

    public void Redemption(string platform, string outcome) =>
        _redemptions.Add(1, new("platform", platform), new("outcome", outcome));

    public void CommandHandled(string platform, string command, string outcome, TimeSpan elapsed) =>
        _commandDuration.Record(elapsed.TotalSeconds, new("platform", platform), new("command", command), new("outcome", outcome));

    public void OutboxBacklog(long pending) => Interlocked.Exchange(ref _outboxBacklog, pending);

    public void OutboxFailure(string platform, bool permanent) =>
        _outboxFailures.Add(1, new("platform", platform), new("kind", permanent ? "permanent" : "transient"));

    public void PlatformThrottled(string client) => _platformThrottled.Add(1, new KeyValuePair<string, object?>("client", client));
}
