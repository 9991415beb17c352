using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Storage;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Core.Pipeline;

/// <summary>Command type to handler: every command has exactly one, and admin commands are admins-only by type.</summary>
public sealed class DispatchingCommands
{
    [Fact]
    public void EveryCommandOfTheGrammarHasOneHandler()
    {
        // Storage is never reached: building the handlers only makes clients.
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Options.Create(new StorageOptions { ConnectionString = Azurite.ConnectionStringFor(1), TablePrefix = "dispatch" }))
            .AddRecognitionCore()
            .BuildServiceProvider();
        var dispatcher = services.GetRequiredService<CommandDispatcher>();

        var commands = typeof(KudosCommand).Assembly.GetTypes().Where(t => t.IsAssignableTo(typeof(KudosCommand)) && !t.IsAbstract);

        Assert.Equal(commands.Select(t => t.Name).Order(), dispatcher.Commands.Select(t => t.Name).Order());
    }

    [Fact]
    public void AnAdminCommandIsAdminsOnlyEvenIfItsHandlerDoesNotSaySo()
    {
        var dispatcher = new CommandDispatcher([new Forgetful(), new Open()]);

        Assert.Equal(Refusal.NotAdmin, dispatcher.RouteFor(new SetTimeZoneCommand("UTC")).AdminsOnly);
        Assert.Null(dispatcher.RouteFor(new BalanceCommand()).AdminsOnly);
    }

    [Fact]
    public void TwoHandlersForOneCommandAreRefusedWhenTheTableIsBuilt()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new CommandDispatcher([new Open(), new Open()]));

        Assert.Contains(nameof(BalanceCommand), e.Message);
    }

    [Fact]
    public void ACommandWithoutAHandlerIsABugNotARefusal()
    {
        var dispatcher = new CommandDispatcher([new Open()]);

        Assert.Throws<NotSupportedException>(() => dispatcher.RouteFor(new HistoryCommand()));
    }

    private sealed class Forgetful : ICommandHandler<SetTimeZoneCommand>
    {
        public Task<CommandResult> HandleAsync(CommandRequest<SetTimeZoneCommand> request, CancellationToken cancellationToken) =>
            Task.FromResult<CommandResult>(new AdminDone(request.Command));
    }

    private sealed class Open : ICommandHandler<BalanceCommand>
    {
        public Task<CommandResult> HandleAsync(CommandRequest<BalanceCommand> request, CancellationToken cancellationToken) =>
            Task.FromResult<CommandResult>(new Refused(Refusal.Busy));
    }
}
