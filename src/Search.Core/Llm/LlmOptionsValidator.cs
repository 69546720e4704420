using Microsoft.Extensions.Options;

namespace Search.Core.Llm;

/// <summary>Start-up checks of <see cref="LlmOptions"/>, naming the key that is wrong; an empty section is valid (no model).</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var failures = new List<string>();
        if (options.IsConfigured)
        {
            if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"Search:Llm:Endpoint '{options.Endpoint}' must be an http(s) base URL such as http://127.0.0.1:8000/v1.");
            }
            if (string.IsNullOrWhiteSpace(options.Model))
            {
                failures.Add("Search:Llm:Model must name the model when Search:Llm:Endpoint is set.");
            }
        }
        if (options.TimeoutSeconds is < 1 or > 600)
        {
            failures.Add("Search:Llm:TimeoutSeconds must be between 1 and 600.");
        }
        if (options.MaxAttempts is < 1 or > 5)
        {
            failures.Add("Search:Llm:MaxAttempts must be between 1 and 5.");
        }
        if (options.DefaultLengthLimit is < 50 or > 5000)
        {
            failures.Add("Search:Llm:DefaultLengthLimit must be between 50 and 5000.");
        }
        if (options.MaxExcerpts is < 1 or > 50 || options.MaxExcerptChars is < 50 or > 4000)
        {
            failures.Add("Search:Llm:MaxExcerpts must be 1–50 and Search:Llm:MaxExcerptChars 50–4000.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
