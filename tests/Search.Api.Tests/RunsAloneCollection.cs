namespace Search.Api.Tests;

/// <summary>
/// Tests that start many processes and a browser at once run after the others, on their own, so they neither
/// starve nor are starved by the tests that wait a few seconds for a job.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAloneCollection
{
    public const string Name = "Runs alone";
}
