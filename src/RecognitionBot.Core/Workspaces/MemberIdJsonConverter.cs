using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecognitionBot.Core.Workspaces;

/// <summary>Writes a member id as the plain string it is.</summary>
public sealed class MemberIdJsonConverter : JsonConverter<MemberId>
{
    public override MemberId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A member id must be a string."));

    public override void Write(Utf8JsonWriter writer, MemberId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
