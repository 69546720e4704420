using Microsoft.Data.Sqlite;
using Search.Core.Storage;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Storage;

public sealed class SchemaMigrationsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Open_DatabaseOfTheFirstSchema_BroughtUpToDateKeepingItsRows()
    {
        var paths = new DataPaths(_folder.Path);
        // A database as the first version left it: the first schema, no record of migrations.
        using (var connection = new SqliteConnection($"Data Source={paths.Database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SchemaMigrations.All[0].For(StoreProvider.Sqlite) + """
                INSERT INTO documents (id, sha256, source_key, file_name, source_path, kind, size, stored_path, status, used_ocr, page_count, created_at, updated_at)
                VALUES ('a1', 'a1', '|a.zip', 'a.zip', 'a.zip', 'zip', 1, '/x', 'Indexed', 0, 0, '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00'),
                       ('b2', 'b2', '|b.txt', 'b.txt', 'b.txt', 'text', 1, '/y', 'Indexed', 0, 1, '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00'),
                       ('c3', 'c3', '|c.pdf', 'c.pdf', 'c.pdf', 'pdf', 1, '/z', 'Indexed', 1, 12, '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00');
                """;
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();

        var database = new MetadataDatabase(paths);
        var documents = new DocumentRepository(database);

        Assert.Equal(SchemaMigrations.Latest, database.SchemaVersion());
        Assert.Equal(DocumentStatus.Expanded, documents.Get("a1")!.Status);
        // Every document the old version called indexed is projected once more, to be sure the index has it.
        Assert.Contains(documents.Unprojected(10), s => s.DocumentId == "b2");
        // Nothing was deleted; a file without OCR read no page by OCR; for an older scan the count is not known (its OCR layout says).
        Assert.All(documents.ListAll(), d => Assert.Null(d.DeletedAt));
        Assert.Equal(0, documents.Get("b2")!.OcrPages);
        Assert.Null(documents.Get("c3")!.OcrPages);
        Assert.Equal(SchemaMigrations.Latest, new MetadataDatabase(paths).SchemaVersion());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
