using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Search.Api.WebChecks;
using Search.Core;
using Search.Core.Indexing;
using Search.Core.Storage;

namespace Search.Cli;

/// <summary>What a command gets: its arguments, the output streams and the engine's services.</summary>
public sealed class CliContext : IAsyncDisposable
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private IHost? _host;
    private DataDirectoryLock? _ownedLock;

    public CliContext(CliArguments arguments, TextWriter output, TextWriter error, IndexAccess? access = null)
    {
        Arguments = arguments;
        Output = output;
        Error = error;
        Access = access ?? IndexAccess.ReadOnly("cli");
    }

    /// <summary>Whether this command line owns the data directory or reads what its owner committed.</summary>
    public IndexAccess Access { get; }

    /// <summary>The data directory as configured (--data, Search__DataDirectory, appsettings).</summary>
    public DataPaths Paths => Get<DataPaths>();

    /// <summary>Hands the lock this command line took to the engine, which would otherwise try to take it itself.</summary>
    public void Own(DataDirectoryLock owned) => _ownedLock = owned;

    public CliArguments Arguments { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Configuration overrides from the command line (--data, --allow-host, --Section:Key value).</summary>
    public Dictionary<string, string?> ConfigurationOverrides => Arguments.ConfigurationOverrides();

    /// <summary>The engine's services, built on first use from the same registration as the API.</summary>
    public IServiceProvider Services => (_host ??= BuildHost()).Services;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        builder.Configuration.AddInMemoryCollection(ConfigurationOverrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var minimum = Arguments.Verbose ? LogLevel.Debug : LogLevel.Warning;
        builder.Logging.AddFilter((_, level) => level >= minimum);
        builder.Services.AddSingleton(Access);
        builder.Services.AddSingleton(sp => Interlocked.Exchange(ref _ownedLock, null)
            ?? DataDirectoryLock.Acquire(sp.GetRequiredService<DataPaths>(), Access.Command));
        builder.Services.AddSearchCore(builder.Configuration);
        builder.Services.AddBrowserRenderer();
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        // A lock taken but never handed to the engine (the command failed first) is released here.
        Interlocked.Exchange(ref _ownedLock, null)?.Dispose();
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host?.Dispose();
        }
    }
}
