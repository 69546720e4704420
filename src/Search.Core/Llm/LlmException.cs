using Search.Core.Configuration;

namespace Search.Core.Llm;

/// <summary>The configured model failed: unreachable, too slow, an error status, or an answer that cannot be used.</summary>
public sealed class LlmException(LlmFailure failure, string message, Exception? inner = null) : SearchException(message, inner)
{
    public LlmFailure Failure { get; } = failure;
}
