namespace Search.Core.Llm;

/// <summary>The optional OpenAI-compatible language model; bound from "Search:Llm". Without an endpoint every model feature is off.</summary>
public sealed class LlmOptions
{
    public const string SectionName = "Search:Llm";

    /// <summary>Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8000/v1. Empty: no model.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Chat model name as the server knows it.</summary>
    public string? Model { get; set; }

    /// <summary>Sent as a bearer key; many local servers ignore it.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Embedding model for re-ranking; empty means the chat model's name.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Seconds one request may take before it is abandoned.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Requests per call, first one included; only failures that may pass (timeouts, 5xx, 429) are tried again.</summary>
    public int MaxAttempts { get; set; } = 2;

    /// <summary>Characters of a 情况说明 when the indicator's own text states no limit.</summary>
    public int DefaultLengthLimit { get; set; } = 500;

    /// <summary>Evidence excerpts given to the model for one draft.</summary>
    public int MaxExcerpts { get; set; } = 12;

    /// <summary>Characters per evidence excerpt.</summary>
    public int MaxExcerptChars { get; set; } = 400;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public string EmbeddingModelName => string.IsNullOrWhiteSpace(EmbeddingModel) ? Model ?? "" : EmbeddingModel;
}
