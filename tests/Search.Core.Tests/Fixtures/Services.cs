using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Search.Core.Tests.Fixtures;

/// <summary>The production service registration over a temp data directory.</summary>
public sealed class Services : IDisposable
{
    private readonly ServiceProvider _provider;

    public Services(Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Search:DataDirectory"] = Data.Path,
            ["Search:CorpusDirectory"] = TestFiles.CorpusDirectory(),
            ["Search:IngestCorpusOnFirstStart"] = "false",
        };
        foreach (var (k, v) in settings ?? [])
        {
            values[k] = v;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSearchCore(configuration);
        _provider = services.BuildServiceProvider();
    }

    public TempFolder Data { get; } = new();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose()
    {
        _provider.Dispose();
        Data.Dispose();
    }
}
