using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Search.Core.Tests.Fixtures;

namespace Search.Api.Tests;

/// <summary>The real web host over a temp data directory, deleted when the fixture is disposed.</summary>
public class SearchApiFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "search-api-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        builder.UseSetting("Search:DataDirectory", DataDirectory);
        builder.UseSetting("Search:IngestCorpusOnFirstStart", "false");
        foreach (var (key, value) in Stores.Settings(Stores.Default, DataDirectory))
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Stores.Default == Stores.Postgres)
        {
            Stores.Drop(DataDirectory);
        }
        // The host's background work may still be closing files for a moment after it stops.
        for (var attempt = 0; disposing && Directory.Exists(DataDirectory) && attempt < 10; attempt++)
        {
            try
            {
                Search.Core.Storage.MetadataDatabase.ReleasePools();
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(200);
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }
}
