using Microsoft.Extensions.Options;

namespace Search.Core.Configuration;

/// <summary>Start-up checks of <see cref="SearchOptions"/>, naming the key that is wrong.</summary>
public sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            return ValidateOptionsResult.Fail("Search:DataDirectory must name a folder.");
        }
        if (!string.IsNullOrWhiteSpace(options.CorpusDirectory) && !Directory.Exists(options.CorpusDirectory))
        {
            return ValidateOptionsResult.Fail($"Search:CorpusDirectory '{options.CorpusDirectory}' does not exist.");
        }
        return ValidateOptionsResult.Success;
    }
}
