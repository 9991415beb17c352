using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace RecognitionBot.Tests.Core.Pipeline;

/// <summary>
/// A storage pipeline policy that, once armed, fails every table request as an outage does (503), before it leaves
/// the process: the core's own tables on Azurite, with storage down from a chosen moment on.
/// </summary>
public sealed class FailingStorage : HttpPipelinePolicy
{
    private volatile bool _armed;
    private int _failed;

    public int Failed => _failed;

    public void Arm() => _armed = true;

    public void Disarm() => _armed = false;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Fail();
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Fail();
        return ProcessNextAsync(message, pipeline);
    }

    private void Fail()
    {
        if (!_armed) return;
        Interlocked.Increment(ref _failed);
        throw new RequestFailedException(503, "Storage is down (injected by the test).");
    }
}
