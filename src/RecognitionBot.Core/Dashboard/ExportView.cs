using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Dashboard;

/// <summary>
/// An export's typed rows, oldest first, for the local days [<paramref name="From"/>, <paramref name="To"/>) of the
/// workspace's zone, which are the instants [<paramref name="Start"/>, <paramref name="End"/>). Only the list of
/// <paramref name="Kind"/> is filled; the host writes it as CSV.
/// </summary>
public sealed record ExportView(
    ExportKind Kind,
    DateOnly From,
    DateOnly To,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    IReadOnlyList<KudosExportRow> Kudos,
    IReadOnlyList<MovementExportRow> Movements,
    IReadOnlyList<RedemptionExportRow> Redemptions) : CommandResult;

/// <summary>A kudos as exported: withdrawn (undone) ones too, marked, since an export is a record and not a ranking.</summary>
public sealed record KudosExportRow(
    DateTimeOffset GivenAt,
    string Id,
    MemberId Giver,
    IReadOnlyList<MemberId> Recipients,
    int Points,
    int AddOnPoints,
    int Total,
    IReadOnlyList<string> Values,
    string Message,
    string ConversationId,
    ConversationKind ConversationKind,
    string? TeamId,
    bool Private,
    bool Withdrawn);

/// <summary>One line of a member's history as exported.</summary>
public sealed record MovementExportRow(
    DateTimeOffset At, MemberId Member, MovementKind Kind, int Points, string Reference, MemberId? Counterparty, string? Note);

public sealed record RedemptionExportRow(
    DateTimeOffset RequestedAt,
    string Id,
    MemberId Requester,
    string RewardId,
    string RewardName,
    int Cost,
    RedemptionState State,
    MemberId? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Reason);
