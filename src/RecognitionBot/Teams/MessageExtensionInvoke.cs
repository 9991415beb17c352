using System.Text.Json;
using RecognitionBot.Teams.Cards;

namespace RecognitionBot.Teams;

/// <summary>
/// The value of a message-extension action invoke (<c>composeExtension/fetchTask</c>, <c>…/submitAction</c>):
/// which command, from where (a message, the compose box), the message it was started on, and the dialog's inputs.
/// </summary>
public sealed record MessageExtensionAction
{
    /// <summary>The manifest's one action command: "Give kudos" on a message or from the compose box.</summary>
    public const string GiveKudos = "giveKudos";

    public string? CommandId { get; init; }
    /// <summary><c>message</c>, <c>compose</c> or <c>commandbox</c> (compared without case).</summary>
    public string? CommandContext { get; init; }
    public MessagePayload? MessagePayload { get; init; }
    /// <summary>For submitAction: the dialog card's inputs with its button's data.</summary>
    public JsonElement? Data { get; init; }

    public static MessageExtensionAction From(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v ? v.Deserialize<MessageExtensionAction>(BotJson.Options) ?? new() : new();

    /// <summary>The dialog's inputs as strings, as <see cref="AdaptiveCardInvoke"/> reads an Action.Execute's data.</summary>
    public IReadOnlyDictionary<string, string> Inputs()
    {
        var inputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Data is { ValueKind: JsonValueKind.Object } d)
            foreach (var p in d.EnumerateObject())
                inputs[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        return inputs;
    }
}

public sealed record MessagePayload
{
    public string? Id { get; init; }
    public string? LinkToMessage { get; init; }
    public MessageFrom? From { get; init; }
}

/// <summary>Who wrote the message: a user (AAD object id), or an app (then <see cref="User"/> is null).</summary>
public sealed record MessageFrom(MessageUser? User, JsonElement? Application);

public sealed record MessageUser(string? Id, string? DisplayName, string? UserIdentityType);

/// <summary>The answer to fetchTask or submitAction: a dialog with a card (<c>continue</c>) or a short text (<c>message</c>).</summary>
public sealed record TaskModuleResponse(TaskModuleResponse.TaskBody Task)
{
    public static InvokeResponse Card(string title, AdaptiveCard card) =>
        new(StatusCodes.Status200OK, new TaskModuleResponse(new TaskBody("continue", new TaskInfo(title, "large", "medium", card.ToAttachment()))));

    public static InvokeResponse Message(string text) => new(StatusCodes.Status200OK, new TaskModuleResponse(new TaskBody("message", text)));

    public sealed record TaskBody(string Type, object Value);

    public sealed record TaskInfo(string Title, string Height, string Width, Attachment Card);
}

public static class MessageExtensionContexts
{
    public const string Message = "message";

    public static bool IsMessage(string? context) => string.Equals(context, Message, StringComparison.OrdinalIgnoreCase);
}
