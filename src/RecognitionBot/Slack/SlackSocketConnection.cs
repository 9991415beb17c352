using System.Net.WebSockets;
using System.Text.Json;

namespace RecognitionBot.Slack;

/// <summary>
/// One Socket Mode WebSocket: waits for Slack's <c>hello</c>, hands each envelope to the handler concurrently and
/// acks it by <c>envelope_id</c> (with the handler's answer as payload), and reports when Slack asks to reconnect.
/// An envelope whose handler fails is not acked, so Slack delivers it again, as it does for an HTTP 500.
/// </summary>
internal sealed class SlackSocketConnection : IAsyncDisposable
{
    public delegate Task<object?> EnvelopeHandler(string type, JsonElement payload, int retryAttempt, CancellationToken ct);

    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _inFlight = [];
    private readonly EnvelopeHandler _handler;
    private readonly ILogger _log;
    private Task _receiving = Task.CompletedTask;

    private SlackSocketConnection(EnvelopeHandler handler, ILogger log)
    {
        _handler = handler;
        _log = log;
    }

    /// <summary>Completes with the reason the link should be replaced: Slack's disconnect reason, or "dropped".</summary>
    public Task<string> Ended => _ended.Task;

    public static async Task<SlackSocketConnection> OpenAsync(Uri url, EnvelopeHandler handler, ILogger log, CancellationToken ct)
    {
        var connection = new SlackSocketConnection(handler, log);
        try
        {
            await connection._socket.ConnectAsync(url, ct);
            connection._receiving = connection.ReceiveLoopAsync();
            await connection._hello.Task.WaitAsync(HelloTimeout, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var ct = _stop.Token;
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                message.SetLength(0);
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, ct);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _ended.TrySetResult("dropped");
                        return;
                    }
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                OnMessage(message.ToArray());
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            if (!ct.IsCancellationRequested) _log.LogWarning(e, "Slack Socket Mode connection lost");
        }
        finally
        {
            _hello.TrySetException(new WebSocketException("Socket closed before hello."));
            _ended.TrySetResult("dropped");
        }
    }

    private void OnMessage(byte[] bytes)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            _log.LogWarning(e, "Ignored a Socket Mode message that is not JSON");
            return;
        }
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "hello":
                _hello.TrySetResult();
                return;
            case "disconnect":
                var reason = root.TryGetProperty("reason", out var r) ? r.GetString() ?? "disconnect" : "disconnect";
                _log.LogInformation("Slack asked to reconnect: {Reason}", reason);
                _ended.TrySetResult(reason);
                return;
        }
        if (type is null || !root.TryGetProperty("envelope_id", out var id) || id.GetString() is not { Length: > 0 } envelopeId) return;
        var payload = root.TryGetProperty("payload", out var p) ? p : default;
        var retry = root.TryGetProperty("retry_attempt", out var a) && a.TryGetInt32(out var n) ? n : 0;
        lock (_inFlight)
        {
            _inFlight.RemoveAll(task => task.IsCompleted);
            _inFlight.Add(Task.Run(() => HandleAsync(envelopeId, type, payload, retry)));
        }
    }

    private async Task HandleAsync(string envelopeId, string type, JsonElement payload, int retry)
    {
        object? answer;
        try
        {
            answer = await _handler(type, payload, retry, _stop.Token);
        }
        catch (Exception e)
        {
            _log.LogError(e, "Slack {EnvelopeType} envelope {EnvelopeId} failed; not acknowledged so Slack retries", type, envelopeId);
            return;
        }
        var ack = JsonSerializer.SerializeToUtf8Bytes(new Ack(envelopeId, answer), SlackJson.Options);
        await _sendLock.WaitAsync(_stop.Token);
        try
        {
            await _socket.SendAsync(ack, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _log.LogWarning(e, "Could not acknowledge Slack envelope {EnvelopeId}", envelopeId);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] pending;
        lock (_inFlight) pending = [.. _inFlight];
        // Let envelopes already being handled finish and ack on this link before it closes.
        await Task.WhenAll(pending).WaitAsync(DrainTimeout).ContinueWith(_ => { }, TaskScheduler.Default);
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Closing is a courtesy; the link is abandoned either way.
            }
        }
        await _stop.CancelAsync();
        await _receiving.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _stop.Dispose();
    }

    private sealed record Ack(string EnvelopeId, object? Payload);
}
