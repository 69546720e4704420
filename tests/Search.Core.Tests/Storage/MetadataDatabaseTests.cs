using Search.Core.Storage;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Storage;

public sealed class MetadataDatabaseTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Open_ManyCallersAtOnce_AllSeeTheSchema()
    {
        var database = new MetadataDatabase(new DataPaths(_folder.Path));
        var jobs = new JobRepository(database);

        // The worker and the corpus bootstrapper open the database at the same moment on start-up.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => jobs.Unfinished().Count)));

        Assert.All(results, r => Assert.Equal(0, r));
    }

    [Fact]
    public void Jobs_SurviveReopening_AsUnfinished()
    {
        var paths = new DataPaths(_folder.Path);
        var job = new JobRepository(new MetadataDatabase(paths)).Create([new Core.Ingestion.JobFile("/tmp/x.txt", "x.txt", null)], "test");

        var reopened = new JobRepository(new MetadataDatabase(paths));

        Assert.Equal([job.Id], reopened.Unfinished());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
