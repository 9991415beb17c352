using Microsoft.Extensions.Options;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Web;

namespace RecognitionBot.Slack;

/// <summary>
/// <c>/kudos</c>: resolves the workspace's bot, turns Slack's escaped text into the core's grammar (mentions,
/// user groups, neutralised mass pings), lets the core decide, and renders its answer in the asker's language.
/// The trigger id keys the delivery, so the same request replayed is answered again but never acted on twice.
/// </summary>
public sealed class SlackKudosCommands(
    RecognitionService core,
    SlackInstallations installations,
    SlackApiClient api,
    IEnumerable<IMemberDirectory> directories,
    SlackComposerFlow composer,
    IOptions<DashboardAddress> dashboard,
    ILogger<SlackKudosCommands> log) : ISlackCommandHandler
{
    public async Task<SlackMessage> HandleAsync(SlackSlashCommand command, CancellationToken ct)
    {
        var bot = await installations.BotForAsync(command.TeamId, command.EnterpriseId, ct);
        if (bot is null)
            return new SlackMessage(SlackTexts.Get(SlackTexts.CommandUnavailable, core.PeekReader(SlackWorkspace.Id(command.TeamId), null).Texts.Culture));

        var workspace = SlackWorkspace.Id(command.TeamId);
        var actor = new MemberId(command.UserId);
        var directory = directories.First(d => d.Platform == Platform.Slack);
        var asker = directory.FindAsync(workspace, actor, ct);
        if (string.IsNullOrWhiteSpace(command.Text)) return await composer.OpenFromCommandAsync(command, bot, (await asker)?.Locale, ct);

        string text;
        try
        {
            text = await SlackCommandText.ToCoreAsync(command.Text, command.UserId, (group, c) => api.UserGroupMembersAsync(bot.Token, group, c), ct);
        }
        catch (SlackApiException e) when (!e.IsTransient)
        {
            log.LogWarning("User group in a /kudos from {User} in {Team} could not be expanded: {Error}", command.UserId, command.TeamId, e.Error);
            return SlackReplies.Sentence(
                SlackMarkup.Line(SlackTexts.Get(SlackTexts.UserGroupUnavailable, Texts.For((await asker)?.Locale).Culture)), warning: true);
        }

        var locale = (await asker)?.Locale;
        var context = new CommandContext(workspace, actor, SlackWorkspace.Conversation(command.ChannelId, command.ChannelName),
            SlackDeliveryKeys.Command(actor, command.TriggerId), locale);
        var answer = await core.AnswerTextAsync(context, text, ct);
        var view = ResultViews.For(answer.Result, ViewText.For(answer.Reader));
        // The help ends with where to see everything else, when this deployment has a dashboard.
        if (answer.Result is HelpView) view = DashboardLine.Append(view, dashboard.Value.Link(), ViewText.For(answer.Reader));
        return SlackViews.Render(view);
    }
}
