namespace RecognitionBot.Core.Commands;

/// <summary>
/// What a decider concluded: either an answer that writes nothing (a refusal, or the state of something already
/// decided) or a decision holding the rows to write and the posts to make, for the ledger to commit as one transaction.
/// </summary>
public sealed record Decided<T>
    where T : class
{
    private Decided(CommandResult? answer, T? decision) => (Answer, Decision) = (answer, decision);

    /// <summary>The answer when nothing is to be written; null when there is a decision.</summary>
    public CommandResult? Answer { get; }

    public T? Decision { get; }

    public Refused? Refusal => Answer as Refused;

    /// <summary>Nothing to change, and this is what to tell the person (for example "already decided").</summary>
    public static Decided<T> Unchanged(CommandResult answer) => new(answer, null);

    public static implicit operator Decided<T>(T decision) => new(null, decision);

    public static implicit operator Decided<T>(Refused refused) => new(refused, null);
}
