using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Members.Leavers;

/// <summary>
/// The platform says a person left the workspace (Slack: deactivated; Teams: the account disabled or gone from the
/// tenant), or, with <see cref="Left"/> false, that they are back. The delivery key is the platform's event, so a
/// redelivered event never marks anyone twice nor undoes a later return.
/// </summary>
public sealed record PersonLeft(WorkspaceId Workspace, MemberId Member, bool Left = true, DeliveryKey? Delivery = null);

/// <summary>The mark itself, kept as the delivery's answer: whether the person is now a leaver, and whether this delivery changed it.</summary>
public sealed record LeaverMarked(MemberId Member, bool Left, bool Changed) : CommandResult;

/// <summary>What one <see cref="PersonLeft"/> did: the mark, and how many of the leaver's requests were cancelled or re-routed.</summary>
public sealed record PersonLeftOutcome(MemberId Member, bool Left, bool Changed, int Cancelled, int Rerouted);
