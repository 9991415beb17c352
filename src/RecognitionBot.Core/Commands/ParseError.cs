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
    /// <summary>Detail: the offending token, or the missing part (<c>&lt;name&gt;</c>, <c>&lt;cost&gt;</c>, <c>--stock</c>, <c>--monthly-limit</c>).</summary>
    BadRewardAdd,
    MissingRewardId,
    BadAllowance,
    BadValue,
    MissingMember,
    MissingRedemptionId,

    /// <summary>A command that changes something got more than it takes (<c>cancel R1 R2</c>); detail: the first extra token.</summary>
    UnexpectedArgument,

    /// <summary><c>digest</c> without <c>on</c>, <c>off</c>, <c>now</c> or <c>preview</c>; detail: the word given, if any.</summary>
    UnknownDigestCommand,

    /// <summary><c>admin log</c> with something other than a number from 1 to 50; detail: the word given.</summary>
    BadLogCount,

    /// <summary><c>admin language</c> without en, it or sv; detail: the word given.</summary>
    BadLanguage,

    /// <summary>A channel id the dashboard was given is empty, too long or not printable; detail: what was given.</summary>
    BadChannel,
    /// <summary><c>admin integration add|list|remove</c> given something else; detail: the offending word, if any.</summary>
    BadIntegration,

    /// <summary><c>admin budget</c> with something other than a number of points from 0; detail: the word given.</summary>
    BadBudget,

    /// <summary><c>nominate</c> not followed by exactly one person; detail: what came instead, if anything.</summary>
    BadNomination,

    /// <summary><c>nominate @x</c> without saying why.</summary>
    MissingNominationReason,
}

/// <summary>The outcome of parsing: a command, or an error naming what was wrong (and the offending token, if any).</summary>
public sealed record ParseResult(KudosCommand? Command, ParseError? Error, string? Detail = null)
{
    public bool Ok => Command is not null;

    public static ParseResult Success(KudosCommand command) => new(command, null);

    public static ParseResult Fail(ParseError error, string? detail = null) => new(null, error, detail);
}
