namespace Search.Core.WebChecks;

/// <summary>Limits and the allowlist of the web checks; bound from "Search:WebChecks".</summary>
public sealed class WebCheckOptions
{
    public const string SectionName = "Search:WebChecks";

    /// <summary>
    /// Private, loopback or link-local hosts (names or IP addresses) the checks may fetch, separated by commas,
    /// semicolons or spaces; every other such address is refused. Empty: only public addresses.
    /// </summary>
    public string AllowHosts { get; set; } = "";

    /// <summary>Time one fetch may take, headers and body together, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>Largest page read, in bytes (default 5 MB); the rest is not downloaded.</summary>
    public long MaxBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Most redirects followed from one address.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Fetches running at once against one host (politeness).</summary>
    public int PerHostConcurrency { get; set; } = 2;

    /// <summary>Fetches running at once in one check run.</summary>
    public int Concurrency { get; set; } = 6;

    /// <summary>Take a full-page screenshot and a PDF print of each page when a browser is available.</summary>
    public bool Screenshots { get; set; } = true;

    /// <summary>The headless browser for screenshots (Debian: chromium).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Time the browser may take for one page, in seconds.</summary>
    public int ScreenshotTimeoutSeconds { get; set; } = 45;

    public IReadOnlySet<string> AllowedHosts() =>
        AllowHosts.Split([',', ';', ' ', '，', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.Trim('[', ']').ToLowerInvariant())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
