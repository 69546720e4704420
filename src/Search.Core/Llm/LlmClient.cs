using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using Search.Core.Configuration;

namespace Search.Core.Llm;

/// <summary>
/// The one door to the configured model, through Semantic Kernel's OpenAI connector: chat and embeddings,
/// each request bounded by a timeout, tried again a limited number of times, failures turned into <see cref="LlmException"/>.
/// </summary>
public sealed class LlmClient : IDisposable
{
    private readonly LlmOptions _options;
    private readonly ILogger<LlmClient> _logger;
    private readonly HttpClient _http;
    private readonly Lazy<Kernel> _kernel;

    public LlmClient(IOptions<LlmOptions> options, ILogger<LlmClient> logger)
    {
        _options = options.Value;
        _logger = logger;
        // The HttpClient timeout is a backstop; each attempt also gets its own cancellation after the same time.
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds + 5) };
        _kernel = new Lazy<Kernel>(BuildKernel);
    }

    public bool IsConfigured => _options.IsConfigured;

    public string Model => _options.Model ?? "";

    public LlmOptions Options => _options;

    /// <summary>Throws the configuration error every model feature answers with when no model is configured.</summary>
    public void EnsureConfigured(string feature)
    {
        if (!IsConfigured)
        {
            throw new ConfigurationException("Search:Llm:Endpoint",
                $"未配置语言模型 (Search:Llm:Endpoint)，无法{feature}。no language model is configured: set Search__Llm__Endpoint (an OpenAI-compatible base URL), Search__Llm__Model and Search__Llm__ApiKey.",
                $"未配置语言模型，无法{feature}。请联系系统管理员配置语言模型。");
        }
    }

    /// <summary>One chat answer to a system and a user message; the text of the answer, possibly empty.</summary>
    public async Task<string> CompleteAsync(string system, string user, CancellationToken cancellationToken)
    {
        EnsureConfigured("使用语言模型");
        var chat = _kernel.Value.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory();
        history.AddSystemMessage(system);
        history.AddUserMessage(user);
        var settings = new OpenAIPromptExecutionSettings { Temperature = 0.2 };
        var answer = await WithAttemptsAsync("chat", token => chat.GetChatMessageContentAsync(history, settings, _kernel.Value, token), cancellationToken);
        return answer.Content ?? "";
    }

    /// <summary>One vector per text, in order.</summary>
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        EnsureConfigured("使用向量重排");
        if (texts.Count == 0)
        {
            return [];
        }
        var generator = _kernel.Value.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var result = await WithAttemptsAsync("embeddings", token => generator.GenerateAsync(texts, null, token), cancellationToken);
        if (result.Count != texts.Count || result.Any(e => e.Vector.Length == 0))
        {
            throw new LlmException(LlmFailure.BadAnswer, $"语言模型 {_options.Endpoint} 返回了 {result.Count} 个向量，应为 {texts.Count} 个。the embedding answer does not match the request.",
                userMessage: $"语言模型返回了 {result.Count} 个向量，应为 {texts.Count} 个。");
        }
        return result.Select(e => e.Vector.ToArray()).ToList();
    }

    private Kernel BuildKernel()
    {
        var client = new OpenAIClient(
            new ApiKeyCredential(string.IsNullOrWhiteSpace(_options.ApiKey) ? "none" : _options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = new Uri(_options.Endpoint!),
                Transport = new HttpClientPipelineTransport(_http),
                // Retries are ours (WithAttemptsAsync), so that a broken server costs a known number of requests.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = TimeSpan.FromSeconds(_options.TimeoutSeconds),
            });
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion(_options.Model!, client);
        builder.AddOpenAIEmbeddingGenerator(_options.EmbeddingModelName, client);
        return builder.Build();
    }

    private async Task<T> WithAttemptsAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
            try
            {
                return await call(timeout.Token);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not LlmException)
            {
                var (failure, retryable, reason, keys) = Describe(e);
                _logger.LogWarning("Model {What} request {Attempt}/{Max} to {Endpoint} failed ({Error}: {Message}){Keys}", what, attempt, _options.MaxAttempts, _options.Endpoint,
                    e.GetType().Name, e.Message, keys is null ? "" : $"; check {keys}");
                if (!retryable || attempt >= _options.MaxAttempts)
                {
                    throw new LlmException(failure, $"语言模型 {_options.Endpoint} {reason}（共尝试 {attempt} 次）。{(keys is null ? "" : $"请检查 {keys}。")}", e,
                        $"语言模型{reason}（共尝试 {attempt} 次）。{(keys is null ? "" : "请联系系统管理员检查语言模型的配置。")}");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>What went wrong, in words a user may read, and the configuration keys to check (for the log and the command line only).</summary>
    private (LlmFailure Failure, bool Retryable, string Reason, string? Keys) Describe(Exception e)
    {
        var status = e switch
        {
            HttpOperationException { StatusCode: { } code } => (int)code,
            ClientResultException { Status: > 0 } c => c.Status,
            HttpRequestException { StatusCode: { } code } => (int)code,
            _ => 0,
        };
        if (IsTimeout(e))
        {
            return (LlmFailure.Timeout, true, $"在 {_options.TimeoutSeconds} 秒内没有回答", null);
        }
        if (status is >= 500 or (int)HttpStatusCode.TooManyRequests)
        {
            return (LlmFailure.Unavailable, true, $"返回错误状态 {status}", null);
        }
        if (status >= 400)
        {
            return (LlmFailure.Unavailable, false, $"拒绝了请求，状态 {status}", "Search:Llm:Model, Search:Llm:ApiKey");
        }
        if (Chain(e).Any(x => x is HttpRequestException or System.Net.Sockets.SocketException))
        {
            return (LlmFailure.Unavailable, true, "无法连接", "Search:Llm:Endpoint");
        }
        return (LlmFailure.BadAnswer, false, "的回答无法解析，不是 OpenAI 兼容格式", "Search:Llm:Endpoint");
    }

    private static bool IsTimeout(Exception e) => Chain(e).Any(x => x is OperationCanceledException or TimeoutException);

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }

    public void Dispose() => _http.Dispose();
}
