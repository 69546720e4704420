namespace Search.Api.Tests.Llm;

/// <summary>Tests that read or set the Search__Llm__* environment variables run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class LlmEnvironmentCollection
{
    public const string Name = "Llm environment";
}
