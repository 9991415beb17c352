using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Settings;

/// <summary><c>/kudos settings [private|dm on|off]</c>: the asker's own choices, shown or changed.</summary>
public sealed class SettingsHandler(ILedger ledger) : ICommandHandler<SettingsCommand>
{
    public async Task<CommandResult> HandleAsync(CommandRequest<SettingsCommand> request, CancellationToken cancellationToken)
    {
        var command = request.Command;
        var state = command switch
        {
            { Setting: MemberSetting.Private, On: { } on } => await ledger.UpdateMemberAsync(request.Workspace, request.Actor, new MemberChange(PrivateCelebrations: on), cancellationToken),
            { Setting: MemberSetting.Dm, On: { } on } => await ledger.UpdateMemberAsync(request.Workspace, request.Actor, new MemberChange(DirectMessagesOff: !on), cancellationToken),
            _ => await ledger.GetMemberAsync(request.Workspace, request.Actor, cancellationToken),
        };
        return new SettingsView(state.PrivateCelebrations, !state.DirectMessagesOff, command.On is null ? null : command.Setting);
    }
}
