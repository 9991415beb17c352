using System.Net;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams.Cards;

namespace RecognitionBot.Teams;

/// <summary>
/// The outbox's Teams side: renders each neutral post as an Adaptive Card in the reader's language and posts it
/// through the connector. Throttling and outages become retries later; a target that is gone is given up on.
/// </summary>
public sealed class TeamsOutboxSender(
    TeamsPoster poster,
    TeamsReferences references,
    ILogger<TeamsOutboxSender> logger) : IOutboxSender, IDisposable
{
    // The connector's per-bot limits per conversation (learn.microsoft.com, "Optimize your bot: rate limiting"):
    // 7 messages a second, 60 in 30 seconds; updates count alike.
    private readonly Jobs.OutboxPace _pace = new(item => new Jobs.OutboxPace.Bucket(item.Target switch
    {
        ToConversation c => $"{item.Workspace.Id}|{c.ConversationId}",
        ToMember m => $"{item.Workspace.Id}|@{m.Member.Value}",
        ToExistingMessage e => $"{item.Workspace.Id}|{e.Message.ConversationId}",
        _ => item.Workspace.Id,
    }, Burst: 7, PerSecond: 2));

    public Platform Platform => Platform.Teams;

    public ValueTask<bool> PaceAsync(OutboxItem item, CancellationToken cancellationToken) => _pace.AcquireAsync(item, cancellationToken);

    public void Dispose() => _pace.Dispose();

    public async Task<PostReceipt?> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var reader = item.ReaderOrDefault;
        var texts = TeamsTexts.For(reader);
        var view = PostViews.For(item.Post, TeamsTexts.View(reader));
        var people = await references.FindPeopleAsync(item.Workspace, view.People, cancellationToken);
        var card = TeamsCards.Render(
            view, new CardContext(texts, people, conversations: await ConversationNamesAsync(item.Workspace, view, cancellationToken)));
        // Personal notes go to the activity feed too; channel posts do not ping anyone beyond their mentions.
        var message = TeamsPoster.Message(card, alert: item.Target is ToMember);
        try
        {
            // Throttling and outages come back at once: the dispatcher reschedules the post rather than wait here.
            using var once = ConnectorRetryHandler.Once();
            return item.Target switch
            {
                ToConversation to => await poster.ToConversationAsync(item.Workspace, to.ConversationId, message, cancellationToken),
                ToMember to => await poster.ToMemberAsync(item.Workspace, to.Member, message, cancellationToken),
                ToExistingMessage to => await poster.UpdateAsync(item.Workspace, to.Message, message, cancellationToken),
                _ => throw new PostFailedException($"Unknown target {item.Target.GetType().Name}", permanent: true),
            };
        }
        catch (BotConnectorException e)
        {
            // Gone or refused for good: the conversation was deleted, the user blocked the bot, the app was removed.
            var permanent = !e.IsTransient && e.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest
                or HttpStatusCode.Unauthorized or HttpStatusCode.RequestEntityTooLarge;
            logger.LogWarning("Teams post {Key} failed: {Status} {Code}{Permanent}", item.Key, (int)e.Status, e.Code, permanent ? " (giving up)" : "");
            throw new PostFailedException(e.Message, e.RetryAfter, permanent, e);
        }
        catch (HttpRequestException e)
        {
            throw new PostFailedException("The Bot Connector could not be reached: " + e.Message, inner: e);
        }
    }

    // A note about a channel names it as people know it; the id when we never learnt its name.
    private async Task<IReadOnlyDictionary<string, string>?> ConversationNamesAsync(WorkspaceId workspace, View view, CancellationToken ct)
    {
        var ids = view.Lines.SelectMany(l => l.Spans).OfType<ConversationSpan>().Select(c => c.ConversationId).Where(id => id.Length > 0).Distinct().ToList();
        if (ids.Count == 0) return null;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids)
            if ((await references.FindConversationAsync(workspace, id, ct))?.Name is { } name) names[id] = name;
        return names;
    }
}
