namespace Search.Cli;

/// <summary>Named process exit codes, so scripts can tell failures apart.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int InvalidInput = 4;
    /// <summary>A batch ran, but at least one item of it failed.</summary>
    public const int PartialFailure = 5;
    public const int Configuration = 6;
    /// <summary>Another process owns the data directory and no running service could take the request.</summary>
    public const int Busy = 7;
    public const int Cancelled = 130;
}
