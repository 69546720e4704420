using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Search.Core.Storage;

namespace Search.Core.Indexing;

/// <summary>
/// Keeps the index a projection of the metadata store, in the process that owns the data directory. At start it
/// reconciles the two (a document the store holds but the index lacks is projected again from its stored passages,
/// one the index holds but the store does not is dropped); then, on a short timer or when asked, it projects
/// every change the store records, commits, and only then marks the documents indexed. Whoever writes to the
/// store (this process's ingestion, or later workers elsewhere) never touches the index.
/// </summary>
public sealed class IndexProjector : IAsyncDisposable, IDisposable
{
    private readonly DocumentRepository _documents;
    private readonly JobRepository _jobs;
    private readonly IndexProjection _projection;
    private readonly IEvidenceIndex _index;
    private readonly IndexOptions _options;
    private readonly ILogger<IndexProjector> _logger;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(long Ticket, TaskCompletionSource Done)> _waiters = [];
    private Task? _loop;
    private long _requested;
    private bool _disposed;
    private ProjectorStatus _status = new(false, 0, 0, 0, null, null);

    public IndexProjector(DocumentRepository documents, JobRepository jobs, IndexProjection projection, IEvidenceIndex index, IOptions<IndexOptions> options, ILogger<IndexProjector> logger)
    {
        _documents = documents;
        _jobs = jobs;
        _projection = projection;
        _index = index;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>What the projector has done so far (for the status endpoint and the drills).</summary>
    public ProjectorStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Starts reconciling and then projecting in the background; idempotent. Only the owner of the data directory may call it.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_loop is not null)
            {
                return;
            }
            if (!_index.IsWritable)
            {
                throw new InvalidOperationException("Only the owner of the data directory projects into the index.");
            }
            _loop = Task.Run(() => RunAsync(_stop.Token));
        }
    }

    /// <summary>
    /// Returns when every change the store held at the time of the call is committed to the index (after the
    /// start-up reconciliation, if that is still running). Throws when the pass that should carry them failed.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        Start();
        TaskCompletionSource done;
        lock (_gate)
        {
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((++_requested, done));
        }
        _wake.Release();
        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(10, _options.CommitIntervalMilliseconds));
        var reconciled = false;
        while (!stop.IsCancellationRequested)
        {
            long ticket;
            lock (_gate)
            {
                ticket = _requested;
            }
            try
            {
                if (!reconciled)
                {
                    await ReconcileAsync(stop);
                    reconciled = true;
                }
                // A file whose outcome was recorded before this moment has its documents in the store before the
                // passes below read it: once they have committed, its job is complete.
                var started = DateTimeOffset.UtcNow;
                bool more;
                do
                {
                    more = await PassAsync(stop);
                }
                while (more && !stop.IsCancellationRequested);
                foreach (var job in _jobs.CompleteSettled(started))
                {
                    _logger.LogInformation("Job {Job} completed: its documents are committed", job);
                }
                Complete(ticket, null);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The store still holds every change, so the next pass (or the next start) redoes this one.
                _logger.LogError(e, "Index projection failed; retrying");
                Complete(ticket, e);
                lock (_gate)
                {
                    _status = _status with { LastError = e.Message };
                }
            }
            try
            {
                await _wake.WaitAsync(interval, stop);
                // Requests that arrive together are served by one pass.
                while (_wake.CurrentCount > 0)
                {
                    await _wake.WaitAsync(stop);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Makes the index hold exactly the searchable documents of the store, from stored passages only.</summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // Deletions asked for so far go first, so a document deleted and then stored again ends up present.
        var deletions = _documents.PendingDeletions(int.MaxValue);
        foreach (var (_, documentId) in deletions)
        {
            await _index.DeleteDocumentAsync(documentId, cancellationToken);
        }
        var inIndex = _index.DocumentIds();
        var states = _documents.ProjectionStates();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var projected = new List<ProjectionState>();
        int added = 0, dropped = 0;
        foreach (var state in states)
        {
            cancellationToken.ThrowIfCancellationRequested();
            known.Add(state.DocumentId);
            var present = inIndex.Contains(state.DocumentId);
            var pending = state.Revision != state.IndexedRevision;
            var wanted = state.Searchable;
            if (wanted && (!present || pending))
            {
                if (await ProjectAsync(state.DocumentId, cancellationToken))
                {
                    added += present ? 0 : 1;
                }
                projected.Add(state);
            }
            else if (!wanted && present)
            {
                await _index.DeleteDocumentAsync(state.DocumentId, cancellationToken);
                dropped++;
                projected.Add(state);
            }
            else if (pending)
            {
                projected.Add(state);
            }
        }
        foreach (var stray in inIndex.Where(id => !known.Contains(id)))
        {
            await _index.DeleteDocumentAsync(stray, cancellationToken);
            dropped++;
        }
        await CommitAsync(projected, deletions, cancellationToken);
        lock (_gate)
        {
            _status = _status with { Reconciled = true, Repaired = added, Dropped = dropped, LastCommit = DateTimeOffset.UtcNow };
        }
        if (added > 0 || dropped > 0)
        {
            _logger.LogWarning("Reconciled the index with the store in {Ms} ms: {Added} documents projected again from stored passages, {Dropped} dropped",
                clock.ElapsedMilliseconds, added, dropped);
        }
        else
        {
            _logger.LogInformation("Index and store agree ({Count} documents), checked in {Ms} ms", states.Count, clock.ElapsedMilliseconds);
        }
    }

    /// <summary>One batch: deletions first, then changed documents, then one commit. True when more changes wait.</summary>
    private async Task<bool> PassAsync(CancellationToken cancellationToken)
    {
        var deletions = _documents.PendingDeletions(_options.BatchSize);
        var changed = _documents.Unprojected(_options.BatchSize);
        if (deletions.Count == 0 && changed.Count == 0)
        {
            return false;
        }
        foreach (var (_, documentId) in deletions)
        {
            await _index.DeleteDocumentAsync(documentId, cancellationToken);
        }
        foreach (var state in changed)
        {
            await ProjectAsync(state.DocumentId, cancellationToken);
        }
        await CommitAsync(changed, deletions, cancellationToken);
        lock (_gate)
        {
            _status = _status with { Projected = _status.Projected + changed.Count, LastCommit = DateTimeOffset.UtcNow, LastError = null };
        }
        return deletions.Count == _options.BatchSize || changed.Count == _options.BatchSize;
    }

    /// <summary>
    /// Commits, and only then, with the commit on disk, tells the store: the documents are indexed at the revisions
    /// projected, and the deletions done are forgotten.
    /// </summary>
    private async Task CommitAsync(IReadOnlyCollection<ProjectionState> projected, IReadOnlyList<(long Seq, string DocumentId)> deletions, CancellationToken cancellationToken)
    {
        using var timing = Ingestion.IngestionStages.Time("index.commit");
        await _index.CommitAsync(cancellationToken);
        _documents.MarkProjected(projected);
        if (deletions.Count > 0)
        {
            _documents.ClearDeletions(deletions[^1].Seq);
        }
        await _index.RefreshAsync(cancellationToken);
    }

    /// <summary>Writes the document as the store has it now, or removes it; true when it was written.</summary>
    private async Task<bool> ProjectAsync(string documentId, CancellationToken cancellationToken)
    {
        IReadOnlyList<IndexedPassage>? passages;
        using (Ingestion.IngestionStages.Time("index.read"))
        {
            passages = _projection.Of(documentId);
        }
        if (passages is null)
        {
            await _index.DeleteDocumentAsync(documentId, cancellationToken);
            return false;
        }
        try
        {
            using (Ingestion.IngestionStages.Time("index.write"))
            {
                await _index.ReplaceDocumentAsync(documentId, passages, cancellationToken);
            }
            return true;
        }
        catch (ArgumentException e)
        {
            // A document Lucene refuses (an immense term) must not hold up every other one: it fails with the reason,
            // and the status change makes the next pass leave it out of the index.
            _logger.LogError(e, "Document {Document} cannot be indexed", documentId);
            _documents.SetStatus(documentId, DocumentStatus.Failed, $"无法编入索引：{e.Message}");
            return false;
        }
    }

    private void Complete(long ticket, Exception? error)
    {
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            done = _waiters.Where(w => w.Ticket <= ticket).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => w.Ticket <= ticket);
        }
        foreach (var d in done)
        {
            if (error is null)
            {
                d.TrySetResult();
            }
            else
            {
                d.TrySetException(error);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            loop = _loop;
        }
        await _stop.CancelAsync();
        if (loop is not null)
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
            }
        }
        lock (_gate)
        {
            foreach (var (_, done) in _waiters)
            {
                done.TrySetCanceled();
            }
            _waiters.Clear();
        }
        _stop.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>What the index owner has done since it started.</summary>
public sealed record ProjectorStatus(bool Reconciled, int Repaired, int Dropped, long Projected, DateTimeOffset? LastCommit, string? LastError);
