namespace RecognitionBot.Core.Commands;

/// <summary>Why a command's text could not be understood. Each has a one-line explanation and an example in the text catalogue.</summary>
public enum ParseError
{
    Empty,
    UnknownCommand,
    NoRecipient,
    BadPoints,
    MissingMessage,
    DuplicatePoints,
    UnknownOption,
    MissingReward,
    BadDigestSchedule,
    BadTimeZone,
    BadSetting,
    BadLeaderboardPeriod,
    UnknownAdminCommand,
    BadRewardAdd,
    MissingRewardId,
    BadAllowance,
    BadValue,
    MissingMember,
    MissingRedemptionId,
}

/// <summary>The outcome of parsing: a command, or an error naming what was wrong (and the offending token, if any).</summary>
public sealed record ParseResult(KudosCommand? Command, ParseError? Error, string? Detail = null)
{
    public bool Ok => Command is not null;

    public static ParseResult Success(KudosCommand command) => new(command, null);

    public static ParseResult Fail(ParseError error, string? detail = null) => new(null, error, detail);
}
