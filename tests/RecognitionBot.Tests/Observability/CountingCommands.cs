using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Commands;
using RecognitionBot.Observability;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Observability;

/// <summary>The core tells the host's metrics of every answered command: kudos, points, redemptions, latency.</summary>
public sealed class CountingCommands : IAsyncLifetime
{
    private readonly ConcurrentBag<(string Name, double Value, string Tags)> _measured = [];
    private readonly MeterListener _listener = new();
    private readonly CoreHarness _h;

    public CountingCommands()
    {
        _h = new CoreHarness(configure: s =>
        {
            s.AddMetrics();
            s.AddSingleton<RecognitionMetrics>();
            s.AddSingleton<ICommandObserver, CommandMetrics>();
        });
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RecognitionMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Other tests' hosts record too: keep only what this test's meter factory created.
        if (!ReferenceEquals(instrument.Meter.Scope, _h.Services.GetRequiredService<IMeterFactory>())) return;
        _measured.Add((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _h.DisposeAsync();
    }

    [Fact]
    public async Task CountsKudosPerRecipientPointsAndEveryCommandsLatency()
    {
        _ = _h.Services.GetRequiredService<RecognitionMetrics>();
        Assert.IsType<KudosGiven>(await _h.Say("ann", "<@bob> <@cat> +7 thanks both"));
        Assert.IsType<Refused>(await _h.Say("ann", "<@ann> +7 me"));
        Assert.IsType<NotUnderstood>(await _h.Say("ann", "<@bob> +x"));

        Assert.Equal(2, _measured.Where(m => m.Name == "recognitionbot.kudos.given").Sum(m => m.Value));
        Assert.Equal(14, _measured.Where(m => m.Name == "recognitionbot.kudos.points").Sum(m => m.Value));
        var outcomes = _measured.Where(m => m.Name == "recognitionbot.command.duration").Select(m => m.Tags).Order().ToList();
        Assert.Contains(outcomes, t => t.Contains("command=give") && t.Contains("outcome=ok") && t.Contains("platform=slack"));
        Assert.Equal(3, outcomes.Count);
        Assert.Contains(outcomes, t => t.Contains("outcome=refused"));
        Assert.Contains(outcomes, t => t.Contains("outcome=not_understood"));
    }

    [Fact]
    public void ReportsTheOutboxBacklogItWasLastTold()
    {
        var metrics = _h.Services.GetRequiredService<RecognitionMetrics>();
        metrics.OutboxBacklog(7);

        _listener.RecordObservableInstruments();

        Assert.Contains(_measured, m => m.Name == "recognitionbot.outbox.backlog" && m.Value == 7);
    }
}
