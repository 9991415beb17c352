using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

public enum MovementKind
{
    Received,
    Given,
    Held,
    Released,
    Spent,
    /// <summary>A recipient's points taken back because the giver undid the kudos.</summary>
    Withdrawn,
    /// <summary>The giver's allowance given back by an undo.</summary>
    Refunded,
    /// <summary>Points from the company budget with a customer's compliment: nobody's allowance paid for them.</summary>
    Customer,
}

/// <summary>One line of a member's history: points received, given, held for a reward, released, spent.</summary>
public sealed record Movement(DateTimeOffset At, MovementKind Kind, int Points, string Reference, MemberId? Counterparty, string? Note);

/// <summary>A member's points. Available = earned - spent - held, never negative.</summary>
public sealed record MemberBalance(int Earned, int Spent, int Held)
{
    public int Available => Math.Max(0, Earned - Spent - Held);
}
