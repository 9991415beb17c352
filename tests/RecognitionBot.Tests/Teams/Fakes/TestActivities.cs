using RecognitionBot.Teams;

namespace RecognitionBot.Tests.Teams.Fakes;

/// <summary>Activities shaped like the ones Teams sends.</summary>
public static class TestActivities
{
    public const string Tenant = "9d2e8c4b-7a61-4f0e-b3d5-2c8a1e6f9b30";
    public const string BotId = "28:" + TeamsTestHost.AppId;

    public static Activity Message(string serviceUrl, string text, string fromId = "29:ann", string fromAad = "aad-ann",
        string conversationType = ConversationTypes.Personal, string conversationId = "a:personal-ann", string? id = null) => new()
        {
            Type = ActivityTypes.Message,
            Id = id ?? Guid.NewGuid().ToString("N"),
            Timestamp = DateTimeOffset.UtcNow,
            ServiceUrl = serviceUrl,
            ChannelId = "msteams",
            From = new ChannelAccount { Id = fromId, Name = "Ann Agent", AadObjectId = fromAad },
            Recipient = new ChannelAccount { Id = BotId, Name = "Kudos" },
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = conversationType, TenantId = Tenant },
            Text = text,
            TextFormat = "plain",
            Locale = "en-US",
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(Tenant) },
        };
}
