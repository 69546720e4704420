using Search.Core.Ingestion;

namespace Search.Core.Storage;

/// <summary>A file of a job a worker has taken from the queue: which job and file, where it is, how many tries so far, and by whom.</summary>
public sealed record ClaimedFile(string JobId, int Seq, JobFile File, int Attempts, string Worker);
