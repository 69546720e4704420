using System.Globalization;
using System.Text.Json;
using Search.Core.Frameworks;
using Search.Core.Storage;

namespace Search.Core.WebChecks;

/// <summary>Persists the addresses users add, the check runs with their progress and reports, and every single check.</summary>
public sealed class WebCheckRepository(MetadataDatabase database)
{
    private static readonly JsonSerializerOptions Json = FrameworkCatalog.Json;

    public void AddAddress(string framework, int number, string url, string addedBy) =>
        database.Execute("INSERT INTO web_addresses (framework, number, url, added_by, added_at) VALUES (@f, @n, @u, @by, @t) ON CONFLICT DO NOTHING",
            ("@f", framework), ("@n", number), ("@u", url), ("@by", addedBy), ("@t", DateTimeOffset.UtcNow.ToString("O")));

    public IReadOnlyList<string> AddressesFor(string framework, int number)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, "SELECT url FROM web_addresses WHERE framework=@f AND number=@n ORDER BY added_at", ("@f", framework), ("@n", number));
        using var reader = command.ExecuteReader();
        var urls = new List<string>();
        while (reader.Read())
        {
            urls.Add(reader.GetString(0));
        }
        return urls;
    }

    public WebCheckRun CreateRun(string? framework, int total, string? submittedBy)
    {
        var run = new WebCheckRun
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            Framework = framework,
            Status = "queued",
            Total = total,
            StartedAt = DateTimeOffset.UtcNow,
            SubmittedBy = submittedBy,
        };
        database.Execute("INSERT INTO web_check_runs (id, framework, status, total, done, started_at, submitted_by) VALUES (@id, @f, @s, @n, 0, @t, @by)",
            ("@id", run.Id), ("@f", framework), ("@s", run.Status), ("@n", total), ("@t", run.StartedAt.ToString("O")), ("@by", submittedBy));
        return run;
    }

    public void UpdateProgress(string runId, string status, int done) =>
        database.Execute("UPDATE web_check_runs SET status=@s, done=@d WHERE id=@id", ("@id", runId), ("@s", status), ("@d", done));

    public void Finish(string runId, WebCheckReport? report, string? error) =>
        database.Execute("UPDATE web_check_runs SET status=@s, finished_at=@t, error=@e, report=@r, done=CASE WHEN @r IS NULL THEN done ELSE total END WHERE id=@id",
            ("@id", runId), ("@s", error is null ? "done" : "failed"), ("@t", DateTimeOffset.UtcNow.ToString("O")), ("@e", error),
            ("@r", report is null ? null : JsonSerializer.Serialize(report, Json)));

    /// <summary>Ends the runs a stopped service left queued or running; their plans lived in memory only.</summary>
    public int FailUnfinished(string reason) =>
        database.Execute("UPDATE web_check_runs SET status='failed', finished_at=@t, error=@e WHERE status IN ('queued', 'running')",
            ("@t", DateTimeOffset.UtcNow.ToString("O")), ("@e", reason));

    public WebCheckRun? GetRun(string runId) => Runs("WHERE id=@id", ("@id", runId)).FirstOrDefault();

    /// <summary>The latest runs, newest first, with counts per outcome instead of their reports (a report can be large).</summary>
    public IReadOnlyList<WebCheckRun> RecentRuns(string? framework, int limit) =>
        Runs("WHERE @f IS NULL OR framework=@f ORDER BY started_at DESC LIMIT @n", ("@f", framework), ("@n", limit))
            .Select(r => r with { Report = null, Counts = r.Report?.Counts })
            .ToList();

    private List<WebCheckRun> Runs(string where, params (string Name, object? Value)[] parameters)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection,
            "SELECT id, framework, status, total, done, started_at, finished_at, submitted_by, error, report FROM web_check_runs " + where, parameters);
        using var reader = command.ExecuteReader();
        var runs = new List<WebCheckRun>();
        while (reader.Read())
        {
            runs.Add(new WebCheckRun
            {
                Id = reader.GetString(0),
                Framework = reader.IsDBNull(1) ? null : reader.GetString(1),
                Status = reader.GetString(2),
                Total = reader.GetInt32(3),
                Done = reader.GetInt32(4),
                StartedAt = DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture),
                FinishedAt = reader.IsDBNull(6) ? null : DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture),
                SubmittedBy = reader.IsDBNull(7) ? null : reader.GetString(7),
                Error = reader.IsDBNull(8) ? null : reader.GetString(8),
                Report = reader.IsDBNull(9) ? null : JsonSerializer.Deserialize<WebCheckReport>(reader.GetString(9), Json),
            });
        }
        return runs;
    }

    public void SaveResult(string runId, WebCheckResult result) =>
        database.Execute("INSERT INTO web_checks (id, run_id, framework, number, url, checked_at, result, document_id) VALUES (@id, @run, @f, @n, @u, @t, @r, @doc)",
            ("@id", result.Id), ("@run", runId), ("@f", result.Framework), ("@n", result.Indicator), ("@u", result.Url),
            ("@t", result.FetchedAt.ToString("O")), ("@r", JsonSerializer.Serialize(result, Json)), ("@doc", result.DocumentId));

    /// <summary>The checks whose snapshot was filed as this document.</summary>
    public IReadOnlyList<string> ChecksFiledAs(string documentId)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, "SELECT id FROM web_checks WHERE document_id=@d", ("@d", documentId));
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    /// <summary>The latest earlier check of an address, to say what changed.</summary>
    public WebCheckResult? Previous(string url, string excludingId)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection,
            "SELECT result FROM web_checks WHERE url=@u AND id<>@id ORDER BY checked_at DESC LIMIT 1", ("@u", url), ("@id", excludingId));
        return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize<WebCheckResult>(json, Json) : null;
    }

    public WebCheckResult? GetResult(string id)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, "SELECT result FROM web_checks WHERE id=@id", ("@id", id));
        return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize<WebCheckResult>(json, Json) : null;
    }
}
