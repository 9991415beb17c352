using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace RecognitionBot.Bench;

/// <summary>Counts the entities storage returns (point reads and query pages) and the requests made.</summary>
public sealed class EntityCounter : HttpPipelinePolicy
{
    private long _entities;
    private long _requests;

    public long Entities => Interlocked.Read(ref _entities);
    public long Requests => Interlocked.Read(ref _requests);

    public void Reset()
    {
        Interlocked.Exchange(ref _entities, 0);
        Interlocked.Exchange(ref _requests, 0);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Count(message);
    }

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
        if (message.Request.Method != RequestMethod.Get || message.Response.Status != 200
            || message.Response.ContentStream is not { CanSeek: true } body) return;
        var position = body.Position;
        try
        {
            using var doc = JsonDocument.Parse(body);
            Interlocked.Add(ref _entities, doc.RootElement.TryGetProperty("value", out var page) ? page.GetArrayLength() : 1);
        }
        catch (JsonException)
        {
        }
        finally
        {
            body.Position = position;
        }
    }
}
