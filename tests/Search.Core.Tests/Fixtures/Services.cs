using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Search.Core.Tests.Fixtures;

/// <summary>
/// The production service registration over a temp data directory, as the owner of it. Give <paramref name="data"/>
/// to open an existing data directory again (a restart); the caller then keeps and deletes it.
/// </summary>
public sealed class Services : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly bool _ownsData;

    public Services(Dictionary<string, string?>? settings = null, TempFolder? data = null, Action<IServiceCollection>? configure = null)
    {
        _ownsData = data is null;
        Data = data ?? new TempFolder();
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
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider();
    }

    public TempFolder Data { get; }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose()
    {
        _provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsData)
        {
            Data.Dispose();
        }
    }
}
