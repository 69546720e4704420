namespace Search.Core.Llm;

/// <summary>Why a model call failed, so hosts can tell a slow model from a broken one.</summary>
public enum LlmFailure
{
    /// <summary>No answer within the timeout, on every attempt.</summary>
    Timeout,

    /// <summary>Connection refused, or an error status from the server.</summary>
    Unavailable,

    /// <summary>The server answered, but not with something usable (malformed, empty, over the limit, uncited).</summary>
    BadAnswer,
}
