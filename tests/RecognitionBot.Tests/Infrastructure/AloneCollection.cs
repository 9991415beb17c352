namespace RecognitionBot.Tests.Infrastructure;

/// <summary>
/// Tests that measure the host's own timing (an answer within Slack's 3 s; a survivor taking a killed instance's
/// posts over once their leases end) run in this collection, after every parallel test and with nothing beside
/// them: on a two-core CI machine, a hundred parallel hosts and validators starve the thread pool (it grows by one
/// thread every half second) and the measure would be of the machine, not of the product.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
