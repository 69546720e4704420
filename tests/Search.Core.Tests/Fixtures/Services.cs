using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Search.Core.Storage;

namespace Search.Core.Tests.Fixtures;

/// <summary>
/// The production service registration over a temp data directory, as the owner of it, on the store the test asks
/// for (<see cref="Stores"/>). Give <paramref name="data"/> to open an existing data directory again (a restart);
/// the caller then keeps it and deletes it with <see cref="Stores.Drop"/> and Dispose.
/// </summary>
public sealed class Services : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly bool _ownsData;

    public Services(Dictionary<string, string?>? settings = null, TempFolder? data = null, Action<IServiceCollection>? configure = null, string? store = null)
    {
        _ownsData = data is null;
        Data = data ?? new TempFolder();
        Store = store ?? Stores.Default;
        var values = new Dictionary<string, string?>
        {
            ["Search:DataDirectory"] = Data.Path,
            ["Search:CorpusDirectory"] = TestFiles.CorpusDirectory(),
            ["Search:IngestCorpusOnFirstStart"] = "false",
        };
        foreach (var (k, v) in Stores.Settings(Store, Data).Concat(settings ?? []))
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

    public string Store { get; }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose()
    {
        _provider.Dispose();
        MetadataDatabase.ReleasePools();
        if (_ownsData)
        {
            Stores.Drop(Data);
            Data.Dispose();
        }
    }
}
