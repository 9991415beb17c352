using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace RecognitionBot.Slack;

/// <summary>The exact bytes Slack signed, kept for the handler after <see cref="SlackSignatureFilter"/> verified them.</summary>
public sealed class SlackRequestBody(byte[] bytes)
{
    /// <summary>Slash commands are small and views are capped at 250 KB; anything far larger is not from Slack.</summary>
    public const int MaxBytes = 1024 * 1024;

    private Dictionary<string, StringValues>? _form;

    public ReadOnlyMemory<byte> Bytes => bytes;

    public IReadOnlyDictionary<string, StringValues> Form => _form ??= QueryHelpers.ParseQuery(Encoding.UTF8.GetString(bytes));

    public string? Field(string name) => Form.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    public JsonDocument ParseJson() => JsonDocument.Parse(bytes);

    /// <summary>Reads the whole body before anything binds it, leaving the stream rewound; null if it is too large.</summary>
    public static async Task<SlackRequestBody?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) return null;
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBytes);
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, ct);
        }
        catch (IOException)
        {
            // The buffering stream throws once the limit is passed.
            return null;
        }
        if (buffer.Length > MaxBytes) return null;
        request.Body.Position = 0;
        return new SlackRequestBody(buffer.ToArray());
    }
}
