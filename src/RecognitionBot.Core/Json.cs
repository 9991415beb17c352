using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecognitionBot.Core;

/// <summary>The one JSON shape of everything the core stores (results, outbox posts, settings).</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
