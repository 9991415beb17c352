using System.Collections.Frozen;
using System.Reflection;

namespace RecognitionBot.Core.Commands;

/// <summary>A handler and who may run it, read once from its attributes.</summary>
public sealed record CommandRoute(ICommandHandler Handler, Refusal? AdminsOnly, bool MembersOnly, bool StoresLocale);

/// <summary>Command type to handler: one handler per command type, checked when the table is built.</summary>
public sealed class CommandDispatcher
{
    private readonly FrozenDictionary<Type, CommandRoute> _routes;

    public CommandDispatcher(IEnumerable<ICommandHandler> handlers)
    {
        var routes = new Dictionary<Type, CommandRoute>();
        foreach (var handler in handlers)
        {
            var type = handler.GetType();
            // An admin command is admins-only even if its handler forgets to say so.
            var adminsOnly = type.GetCustomAttribute<AdminsOnlyAttribute>()?.Refusal
                ?? (handler.CommandType.IsAssignableTo(typeof(AdminCommand)) ? Refusal.NotAdmin : null);
            var route = new CommandRoute(handler, adminsOnly, type.IsDefined(typeof(MembersOnlyAttribute)), type.IsDefined(typeof(StoresLocaleAttribute)));
            if (!routes.TryAdd(handler.CommandType, route))
                throw new InvalidOperationException($"Two handlers for {handler.CommandType.Name}: {routes[handler.CommandType].Handler.GetType().Name} and {type.Name}.");
        }
        _routes = routes.ToFrozenDictionary();
    }

    /// <summary>The command types that have a handler.</summary>
    public IReadOnlyCollection<Type> Commands => _routes.Keys;

    public CommandRoute RouteFor(KudosCommand command) =>
        _routes.TryGetValue(command.GetType(), out var route) ? route : throw new NotSupportedException($"No handler for {command.GetType().Name}");
}
