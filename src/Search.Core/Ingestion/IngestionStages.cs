using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Search.Core.Ingestion;

/// <summary>
/// How long each step of ingestion and index projection takes, as the histogram
/// <c>search.ingestion.stage.duration</c> (milliseconds, tagged with the stage) of the meter <c>Search.Ingestion</c>:
/// `dotnet-counters monitor --counters Search.Ingestion` shows it on a running service, and `bench ingest` sums it
/// per stage to say where a file's time goes.
/// </summary>
public static class IngestionStages
{
    public const string MeterName = "Search.Ingestion";
    public const string InstrumentName = "search.ingestion.stage.duration";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(InstrumentName, "ms", "Time spent in one step of ingesting a file or projecting it into the index");

    /// <summary>Times a step until the returned value is disposed: <c>using (IngestionStages.Time("match")) { … }</c>.</summary>
    public static Timing Time(string stage) => new(stage, Stopwatch.GetTimestamp());

    public readonly struct Timing(string stage, long started) : IDisposable
    {
        public void Dispose()
        {
            if (Duration.Enabled)
            {
                Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("stage", stage));
            }
        }
    }
}
