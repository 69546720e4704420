using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Llm;

/// <summary>
/// A small OpenAI-compatible server on 127.0.0.1 with fixed answers: chat completions and embeddings in the
/// OpenAI wire format, plus error statuses, malformed bodies and slow answers. It records every request.
/// Shared with the API tests as a linked file.
/// </summary>
public sealed class FakeOpenAiServer : IDisposable
{
    private readonly LoopbackHttpServer _server;
    private int _calls;

    public FakeOpenAiServer() => _server = new LoopbackHttpServer(HandleAsync);

    public int Port => _server.Port;

    /// <summary>The base URL to configure as Search:Llm:Endpoint.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}/v1";

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    /// <summary>The answer to a chat request, by 0-based chat call number; default: one cited sentence.</summary>
    public Func<int, Reply> Chat { get; set; } = _ => Reply.ChatText("本地区建立了公平竞争审查制度，逐件审查行政规范性文件。[1]");

    /// <summary>The vector of one embedding input; default: a bag of its characters over 16 buckets.</summary>
    public Func<string, float[]> Embed { get; set; } = CharacterVector;

    /// <summary>When set, answers embedding requests instead of <see cref="Embed"/>.</summary>
    public Reply? EmbeddingsReply { get; set; }

    public IEnumerable<Recorded> ChatRequests => Requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));

    public sealed record Recorded(string Path, string? Authorization, JsonNode Body)
    {
        /// <summary>All message contents of a chat request, joined.</summary>
        public string Prompt => string.Join("\n", Body["messages"]!.AsArray().Select(m => m!["content"]!.ToString()));
    }

    public sealed record Reply(int Status, string Body, TimeSpan Delay = default)
    {
        public static Reply ChatText(string content, TimeSpan delay = default) => new(200, new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "test-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
        }.ToJsonString(), delay);

        public static Reply Error(int status) => new(status, """{"error":{"message":"server exploded","type":"server_error"}}""");

        public static Reply Malformed() => new(200, "<html>this is not json");
    }

    private async Task HandleAsync(HttpListenerContext context, CancellationToken stopping)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var raw = await reader.ReadToEndAsync();
            var body = JsonNode.Parse(string.IsNullOrEmpty(raw) ? "{}" : raw)!;
            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue(new Recorded(path, context.Request.Headers["Authorization"], body));
            var reply = path switch
            {
                "/v1/chat/completions" => Chat(Interlocked.Increment(ref _calls) - 1),
                "/v1/embeddings" => EmbeddingsReply ?? Embeddings(body),
                _ => Reply.Error(404),
            };
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, stopping);
            }
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, stopping);
            context.Response.Close();
        }
        catch (Exception)
        {
            // The client gave up (timeout test) or the server is stopping: nothing to answer.
            try
            {
                context.Response.Abort();
            }
            catch (Exception)
            {
            }
        }
    }

    private Reply Embeddings(JsonNode body)
    {
        var input = body["input"] is JsonArray array ? array.Select(x => x!.ToString()).ToList() : [body["input"]!.ToString()];
        var base64 = body["encoding_format"]?.ToString() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < input.Count; i++)
        {
            var vector = Embed(input[i]);
            JsonNode embedding = base64
                ? Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray())
                : new JsonArray(vector.Select(v => (JsonNode)v).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }
        return new Reply(200, new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = "test-embedding",
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
        }.ToJsonString());
    }

    public static float[] CharacterVector(string text)
    {
        var v = new float[16];
        foreach (var c in text.Where(c => !char.IsWhiteSpace(c)))
        {
            v[c % 16] += 1;
        }
        return v;
    }

    public void Dispose() => _server.Dispose();
}
