using Search.Core.Configuration;

namespace Search.Core.Llm;

/// <summary>
/// The configured model failed: unreachable, too slow, an error status, or an answer that cannot be used. The message
/// may name the endpoint and configuration keys for whoever runs the service; <see cref="UserMessage"/> never does.
/// </summary>
public sealed class LlmException(LlmFailure failure, string message, Exception? inner = null, string? userMessage = null) : SearchException(message, inner)
{
    public LlmFailure Failure { get; } = failure;

    public string UserMessage { get; } = userMessage ?? message;
}
