namespace RecognitionBot.Core.Outbox;

/// <summary>A post a decision makes: written to the outbox by the same transaction, posted right after the commit.</summary>
public sealed record OutgoingPost(PostTarget Target, OutboxPost Post);
