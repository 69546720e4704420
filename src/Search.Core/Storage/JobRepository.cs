using System.Globalization;
using Search.Core.Ingestion;

namespace Search.Core.Storage;

/// <summary>Persists ingestion jobs and their per-file outcomes, so progress survives a restart.</summary>
public sealed class JobRepository(MetadataDatabase database)
{
    public IngestionJob Create(IReadOnlyList<JobFile> files, string? submittedBy)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var now = DateTimeOffset.UtcNow.ToString("O");
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        using (var job = MetadataDatabase.Prepare(connection,
            "INSERT INTO jobs (id, created_at, updated_at, status, total, submitted_by) VALUES (@id, @t, @t, @s, @n, @by)",
            ("@id", id), ("@t", now), ("@s", JobStatus.Queued.ToString()), ("@n", files.Count), ("@by", submittedBy)))
        {
            job.Transaction = tx;
            job.ExecuteNonQuery();
        }
        for (var i = 0; i < files.Count; i++)
        {
            using var file = MetadataDatabase.Prepare(connection,
                "INSERT INTO job_files (job_id, seq, file, path, department, outcome) VALUES (@id, @seq, @f, @p, @d, @o)",
                ("@id", id), ("@seq", i), ("@f", files[i].DisplayName), ("@p", files[i].Path), ("@d", files[i].Department), ("@o", IngestOutcomeKind.Pending.ToString()));
            file.Transaction = tx;
            file.ExecuteNonQuery();
        }
        tx.Commit();
        return Get(id)!;
    }

    public IngestionJob? Get(string id)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, "SELECT status, created_at, updated_at, total, submitted_by FROM jobs WHERE id=@id", ("@id", id));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        var job = new IngestionJob
        {
            Id = id,
            Status = Enum.Parse<JobStatus>(reader.GetString(0)),
            CreatedAt = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
            UpdatedAt = DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
            Total = reader.GetInt32(3),
            SubmittedBy = reader.IsDBNull(4) ? null : reader.GetString(4),
        };
        return job with { Files = GetFiles(id).Select(f => f.Outcome).ToList() };
    }

    /// <summary>The job's files with where they are stored, in submission order.</summary>
    public IReadOnlyList<(JobFile File, IngestOutcome Outcome)> GetFiles(string jobId)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection,
            "SELECT file, path, department, outcome, reason, document_id FROM job_files WHERE job_id=@id ORDER BY seq", ("@id", jobId));
        using var reader = command.ExecuteReader();
        var list = new List<(JobFile, IngestOutcome)>();
        while (reader.Read())
        {
            var name = reader.GetString(0);
            list.Add((new JobFile(reader.GetString(1), name, reader.IsDBNull(2) ? null : reader.GetString(2)),
                new IngestOutcome(name, Enum.Parse<IngestOutcomeKind>(reader.GetString(3)), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5))));
        }
        return list;
    }

    public void SetStatus(string jobId, JobStatus status) =>
        database.Execute("UPDATE jobs SET status=@s, updated_at=@u WHERE id=@id",
            ("@s", status.ToString()), ("@u", DateTimeOffset.UtcNow.ToString("O")), ("@id", jobId));

    public void RecordOutcome(string jobId, int seq, IngestOutcome outcome)
    {
        database.Execute("UPDATE job_files SET outcome=@o, reason=@r, document_id=@d WHERE job_id=@id AND seq=@seq",
            ("@o", outcome.Outcome.ToString()), ("@r", outcome.Reason), ("@d", outcome.DocumentId), ("@id", jobId), ("@seq", seq));
        database.Execute("UPDATE jobs SET updated_at=@u WHERE id=@id", ("@u", DateTimeOffset.UtcNow.ToString("O")), ("@id", jobId));
    }

    /// <summary>
    /// Counts one more attempt at a file before it is processed, so that a file that brings the process down
    /// (and would otherwise be retried at every start) is given up after a few tries.
    /// </summary>
    public int StartAttempt(string jobId, int seq)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection,
            "UPDATE job_files SET attempts = attempts + 1 WHERE job_id=@id AND seq=@seq RETURNING attempts", ("@id", jobId), ("@seq", seq));
        return Convert.ToInt32(command.ExecuteScalar());
    }

    /// <summary>The stored paths of files still waiting in some job (staged uploads that must stay).</summary>
    public IReadOnlySet<string> PendingPaths()
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, "SELECT path FROM job_files WHERE outcome=@o", ("@o", IngestOutcomeKind.Pending.ToString()));
        using var reader = command.ExecuteReader();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            paths.Add(reader.GetString(0));
        }
        return paths;
    }

    /// <summary>Jobs that were queued or running when the service stopped.</summary>
    public IReadOnlyList<string> Unfinished()
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, "SELECT id FROM jobs WHERE status IN ('Queued','Running') ORDER BY created_at");
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
