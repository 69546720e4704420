using System.Text.RegularExpressions;
using Search.Core.Configuration;

namespace Search.Core.Frameworks;

/// <summary>
/// What a framework id may be: it names the framework's file under frameworks/, so letters (Chinese too), digits,
/// '-', '_' and '.', starting with a letter or digit, at most 64 characters; never a path, never "..".
/// </summary>
public static partial class FrameworkIds
{
    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}_.\-]{0,63}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal);

    /// <summary>The id itself, or an error that names it and says what an id may hold.</summary>
    public static string Require(string? id) => IsValid(id)
        ? id!
        : throw new InvalidInputException($"指标体系 id“{Shorten(id)}”无效：只能由字母、汉字、数字、-、_、. 组成，以字母、汉字或数字开头，不超过 64 个字符。");

    private static string Shorten(string? id) => id is null ? "" : id.Length <= 40 ? id : id[..40] + "…";
}
