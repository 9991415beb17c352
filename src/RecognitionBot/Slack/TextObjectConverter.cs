using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecognitionBot.Slack;

/// <summary>Writes every text object with its <c>type</c>, whether the field is declared as the base or a subtype.</summary>
internal sealed class TextObjectConverter : JsonConverter<TextObject>
{
    public override bool CanConvert(Type typeToConvert) => typeof(TextObject).IsAssignableFrom(typeToConvert);

    public override TextObject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Block Kit text objects are only written.");

    public override void Write(Utf8JsonWriter writer, TextObject value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case PlainText plain:
                writer.WriteString("type", "plain_text");
                writer.WriteString("text", plain.Text);
                if (plain.Emoji is { } emoji) writer.WriteBoolean("emoji", emoji);
                break;
            case Mrkdwn mrkdwn:
                writer.WriteString("type", "mrkdwn");
                writer.WriteString("text", mrkdwn.Text);
                if (mrkdwn.Verbatim is { } verbatim) writer.WriteBoolean("verbatim", verbatim);
                break;
            default:
                throw new NotSupportedException($"Unknown text object {value.GetType().Name}.");
        }
        writer.WriteEndObject();
    }
}
