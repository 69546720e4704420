namespace Search.Core.WebChecks;

/// <summary>The outcome of one address, as the stable interface spells it.</summary>
public static class WebCheckOutcomes
{
    /// <summary>Fetched, the expected words are there, on time.</summary>
    public const string Ok = "ok";

    /// <summary>No page: error status, timeout, unknown host, connection failure.</summary>
    public const string Dead = "dead";

    /// <summary>The page is fine but the address redirects elsewhere: the address given is no longer its own.</summary>
    public const string Moved = "moved";

    /// <summary>A page came back, but without the words the indicator expects: probably not the page that was meant.</summary>
    public const string KeywordMissing = "keyword-missing";

    /// <summary>The page shows a publication date after the framework's deadline.</summary>
    public const string Late = "late";

    /// <summary>Not fetched: not http(s), or an internal address not on the allowlist.</summary>
    public const string Refused = "refused";

    public static readonly IReadOnlyList<string> All = [Ok, Moved, KeywordMissing, Late, Dead, Refused];

    public static string Label(string outcome) => outcome switch
    {
        Ok => "正常",
        Dead => "无法访问",
        Moved => "已跳转",
        KeywordMissing => "缺少关键词",
        Late => "公开逾期",
        Refused => "拒绝访问",
        _ => outcome,
    };
}
