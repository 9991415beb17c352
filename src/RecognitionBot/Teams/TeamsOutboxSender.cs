using System.Net;
using RecognitionBot.Core.Outbox;
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
    WorkspaceStore workspaces,
    ILogger<TeamsOutboxSender> logger) : IOutboxSender
{
    public Platform Platform => Platform.Teams;

    public async Task<PostReceipt?> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var settings = await workspaces.GetAsync(item.Workspace, cancellationToken);
        var people = await references.FindPeopleAsync(item.Workspace, TeamsCards.PeopleIn(item.Post), cancellationToken);
        var context = new CardContext(TeamsTexts.For(item.Post.Locale, settings.DefaultLocale), settings.Zone, people);
        var card = item.Post is RecognitionGapsPost gaps
            ? TeamsCards.Gaps(gaps, context, (await references.FindConversationAsync(item.Workspace, gaps.ConversationId, cancellationToken))?.Name)
            : TeamsCards.ForPost(item.Post, context);
        // Personal notes go to the activity feed too; channel posts do not ping anyone beyond their mentions.
        var message = TeamsPoster.Message(card, alert: item.Target is ToMember);
        try
        {
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
}
