using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

/// <summary>A line a decision adds to one member's history.</summary>
public sealed record HistoryRow(MemberId Member, Movement Movement);
