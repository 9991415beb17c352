using System.Text.Json;
using Microsoft.Extensions.Options;

namespace RecognitionBot.Slack;

/// <summary>
/// Socket Mode, for running without a public URL: keeps one connection to Slack open and feeds its envelopes to the
/// same <see cref="SlackInbound"/> the HTTP endpoints use. On Slack's <c>disconnect</c> the new link is opened
/// before the old one is closed, so nothing is refused while switching.
/// </summary>
public sealed class SlackSocketMode(
    IServiceScopeFactory scopes, SlackApiClient api, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackSocketMode> log)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SocketModeEnabled) return;
        SlackSocketConnection? current = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                current ??= await ConnectWithRetriesAsync(stoppingToken);
                var reason = await current.Ended.WaitAsync(stoppingToken);
                if (reason == "dropped")
                {
                    await current.DisposeAsync();
                    current = null;
                    continue;
                }
                var next = await ConnectWithRetriesAsync(stoppingToken);
                await current.DisposeAsync();
                current = next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (current is not null) await current.DisposeAsync();
        }
    }

    private async Task<SlackSocketConnection> ConnectWithRetriesAsync(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var url = await api.OpenConnectionAsync(options.Value.AppToken!, ct);
                var connection = await SlackSocketConnection.OpenAsync(url, HandleEnvelopeAsync, log, ct);
                log.LogInformation("Slack Socket Mode connected");
                return connection;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, attempt)));
                log.LogWarning(e, "Slack Socket Mode connection failed; retrying in {Delay}", delay);
                await Task.Delay(delay, time, ct);
            }
        }
    }

    private async Task<object?> HandleEnvelopeAsync(string type, JsonElement payload, int retryAttempt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var inbound = scope.ServiceProvider.GetRequiredService<SlackInbound>();
        switch (type)
        {
            case "slash_commands":
                return SlackSlashCommand.FromJson(payload) is { } command && await inbound.CommandAsync(command, ct) is { IsEmpty: false } reply ? reply : null;
            case "interactive":
                return SlackInteraction.FromJson(payload) is { } interaction ? await inbound.InteractionAsync(interaction, ct) : null;
            case "events_api":
                if (SlackEvent.FromCallback(payload, retryAttempt) is { } slackEvent) await inbound.EventAsync(slackEvent, ct);
                return null;
            default:
                return null;
        }
    }
}
