using Microsoft.AspNetCore.Hosting;
using Search.Core.Tests.Llm;

namespace Search.Api.Tests.Llm;

/// <summary>The web host pointed at a fake OpenAI-compatible server on 127.0.0.1, with a one-second timeout.</summary>
public sealed class LlmApiFactory : SearchApiFactory
{
    public FakeOpenAiServer Model { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:Llm:Endpoint", Model.Endpoint);
        builder.UseSetting("Search:Llm:Model", "county-model");
        builder.UseSetting("Search:Llm:TimeoutSeconds", "1");
        builder.UseSetting("Search:Llm:MaxAttempts", "2");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Model.Dispose();
        }
    }
}
