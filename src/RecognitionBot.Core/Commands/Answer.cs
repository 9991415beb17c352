using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Commands;

/// <summary>A command's result with what rendering it needs (the asker's language and the workspace's zone).</summary>
public sealed record Answer(CommandResult Result, Reader Reader);

/// <summary>
/// Whether the asker may decide a redemption now (<see cref="Refusal"/> null), else what deciding would answer; with
/// the reader, for the platform that must ask for a reason before the decision (Slack's modal).
/// </summary>
public sealed record DecisionCheck(CommandResult? Refusal, Reader Reader);
