using System.Globalization;
using Search.Core.Ingestion;

namespace Search.Core.Storage;

/// <summary>Persists ingestion jobs and their per-file outcomes, so progress survives a restart.</summary>
public sealed class JobRepository(MetadataDatabase database)
{
    private static readonly System.Text.Json.JsonSerializerOptions TargetJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <param name="forItem">The material item the files are uploaded for: whatever they store is filed as that item.</param>
    public IngestionJob Create(IReadOnlyList<JobFile> files, string? submittedBy, ItemTarget? forItem = null)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var now = DateTimeOffset.UtcNow.ToString("O");
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        using (var job = MetadataDatabase.Prepare(connection,
            "INSERT INTO jobs (id, created_at, updated_at, status, total, submitted_by, item_target) VALUES (@id, @t, @t, @s, @n, @by, @item)",
            ("@id", id), ("@t", now), ("@s", JobStatus.Queued.ToString()), ("@n", files.Count), ("@by", submittedBy),
            ("@item", forItem is null ? null : System.Text.Json.JsonSerializer.Serialize(forItem, TargetJson))))
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
        using var command = MetadataDatabase.Prepare(connection, "SELECT status, created_at, updated_at, total, submitted_by, item_target FROM jobs WHERE id=@id", ("@id", id));
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
            ForItem = reader.IsDBNull(5) ? null : System.Text.Json.JsonSerializer.Deserialize<ItemTarget>(reader.GetString(5), TargetJson),
        };
        return job with { Files = GetFiles(id).Select(f => f.Outcome).ToList() };
    }

    /// <summary>The material item a job was uploaded for, if any, and who uploaded it: one row, read as each of its files finishes.</summary>
    public (ItemTarget? Target, string? SubmittedBy) ItemTargetOf(string jobId)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection, "SELECT item_target, submitted_by FROM jobs WHERE id=@id", ("@id", jobId));
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0)
            ? (System.Text.Json.JsonSerializer.Deserialize<ItemTarget>(reader.GetString(0), TargetJson), reader.IsDBNull(1) ? null : reader.GetString(1))
            : (null, null);
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

    /// <summary>Records a file's outcome whoever holds it (a job resumed in this process, tests).</summary>
    public void RecordOutcome(string jobId, int seq, IngestOutcome outcome) =>
        Finish(new ClaimedFile(jobId, seq, new JobFile("", outcome.File, null), 0, ""), outcome, fenced: false);

    /// <summary>
    /// Takes the next waiting file of the oldest unfinished job for <paramref name="worker"/>, for <paramref name="lease"/>:
    /// a file whose worker died (lease expired) is taken again. Counts an attempt. Null when nothing waits.
    /// On PostgreSQL, FOR UPDATE SKIP LOCKED lets many workers take files at once without waiting on each other.
    /// </summary>
    public ClaimedFile? ClaimNext(string worker, TimeSpan lease)
    {
        var now = DateTimeOffset.UtcNow;
        var skipLocked = database.Provider == StoreProvider.Postgres ? "FOR UPDATE OF f SKIP LOCKED" : "";
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection,
            $"""
            UPDATE job_files SET lease_owner=@w, lease_until=@until, attempts=attempts + 1
            WHERE (job_id, seq) IN (
                SELECT f.job_id, f.seq FROM job_files f JOIN jobs j ON j.id = f.job_id
                WHERE f.outcome = 'Pending' AND j.status IN ('Queued', 'Running') AND (f.lease_until IS NULL OR f.lease_until < @now)
                ORDER BY j.created_at, f.job_id, f.seq LIMIT 1 {skipLocked})
            RETURNING job_id, seq, file, path, department, attempts
            """,
            ("@w", worker), ("@until", (now + lease).ToString("O")), ("@now", now.ToString("O")));
        ClaimedFile? claimed = null;
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                claimed = new ClaimedFile(reader.GetString(0), reader.GetInt32(1),
                    new JobFile(reader.GetString(3), reader.GetString(2), reader.IsDBNull(4) ? null : reader.GetString(4)), reader.GetInt32(5), worker);
            }
        }
        if (claimed is not null)
        {
            using var running = MetadataDatabase.Prepare(connection, "UPDATE jobs SET status='Running', updated_at=@u WHERE id=@id AND status='Queued'",
                ("@u", now.ToString("O")), ("@id", claimed.JobId));
            running.ExecuteNonQuery();
        }
        return claimed;
    }

    /// <summary>
    /// Gives back at once the files held by workers of processes on <paramref name="machine"/> that no longer run
    /// (a service or worker killed with -9), instead of letting them wait for their leases to lapse (lease owners are
    /// <see cref="ProcessHolder"/> names). Returns how many files went back.
    /// </summary>
    public int ReleaseDeadLocal(string machine, Func<int, bool> isRunning)
    {
        var released = 0;
        foreach (var owner in database.Strings("SELECT DISTINCT lease_owner FROM job_files WHERE outcome='Pending' AND lease_owner LIKE @m",
                     ("@m", ProcessHolder.MachinePattern(machine))).Where(o => ProcessHolder.IsDeadLocal(o, machine, isRunning)))
        {
            released += database.Execute(
                "UPDATE job_files SET lease_owner=NULL, lease_until=NULL WHERE lease_owner=@w AND outcome='Pending'", ("@w", owner));
        }
        return released;
    }

    /// <summary>Keeps a file taken while it is being worked on; false when the lease was lost (another worker has it now).</summary>
    public bool Renew(ClaimedFile file, TimeSpan lease) =>
        database.Execute("UPDATE job_files SET lease_until=@until WHERE job_id=@id AND seq=@seq AND lease_owner=@w AND outcome='Pending'",
            ("@until", (DateTimeOffset.UtcNow + lease).ToString("O")), ("@id", file.JobId), ("@seq", file.Seq), ("@w", file.Worker)) == 1;

    /// <summary>Gives a file back without an outcome, to be taken again at <paramref name="retryAt"/> (a pause after an error, or another worker has its content).</summary>
    public void Release(ClaimedFile file, DateTimeOffset retryAt, bool countAttempt = true) =>
        database.Execute($"UPDATE job_files SET lease_owner=NULL, lease_until=@until{(countAttempt ? "" : ", attempts=attempts - 1")} WHERE job_id=@id AND seq=@seq AND lease_owner=@w AND outcome='Pending'",
            ("@until", retryAt.ToString("O")), ("@id", file.JobId), ("@seq", file.Seq), ("@w", file.Worker));

    /// <summary>
    /// Records a file's outcome. Fenced, it counts only while the worker still holds the file: a worker that lost
    /// its lease (paused too long, presumed dead) cannot overwrite the outcome of the one that took over.
    /// </summary>
    public bool Finish(ClaimedFile file, IngestOutcome outcome, bool fenced = true)
    {
        var now = DateTimeOffset.UtcNow.ToString("O");
        var recorded = database.Execute(
            "UPDATE job_files SET outcome=@o, reason=@r, document_id=@d, finished_at=@t, lease_owner=NULL, lease_until=NULL WHERE job_id=@id AND seq=@seq"
            + (fenced ? " AND lease_owner=@w AND outcome='Pending'" : ""),
            ("@o", outcome.Outcome.ToString()), ("@r", outcome.Reason), ("@d", outcome.DocumentId), ("@t", now), ("@id", file.JobId), ("@seq", file.Seq), ("@w", file.Worker)) == 1;
        if (recorded)
        {
            database.Execute("UPDATE jobs SET updated_at=@u WHERE id=@id", ("@u", now), ("@id", file.JobId));
        }
        return recorded;
    }

    /// <summary>
    /// Marks complete the unfinished jobs whose every file had its outcome before <paramref name="passStarted"/>: the
    /// index owner calls it after a commit of a pass that started then, so their documents are in that commit.
    /// </summary>
    public IReadOnlyList<string> CompleteSettled(DateTimeOffset passStarted)
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection,
            """
            UPDATE jobs SET status='Completed', updated_at=@u
            WHERE status IN ('Queued', 'Running')
              AND NOT EXISTS (SELECT 1 FROM job_files f WHERE f.job_id = jobs.id AND (f.outcome = 'Pending' OR f.finished_at IS NULL OR f.finished_at >= @started))
            RETURNING id
            """,
            ("@u", DateTimeOffset.UtcNow.ToString("O")), ("@started", passStarted.ToString("O")));
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    /// <summary>How many files wait in unfinished jobs (for status and for workers deciding to sleep).</summary>
    public int WaitingFiles()
    {
        using var connection = database.Open();
        using var command = MetadataDatabase.Prepare(connection,
            "SELECT COUNT(*) FROM job_files f JOIN jobs j ON j.id = f.job_id WHERE f.outcome = 'Pending' AND j.status IN ('Queued', 'Running')");
        return Convert.ToInt32(command.ExecuteScalar());
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
