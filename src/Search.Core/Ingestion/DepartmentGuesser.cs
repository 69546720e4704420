using System.Text.RegularExpressions;

namespace Search.Core.Ingestion;

/// <summary>Takes a department from a folder name when none was given at upload ("区司法局/…", "12-公平竞争审查/市场监管局/…").</summary>
public static partial class DepartmentGuesser
{
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}（）()]{2,20}(局|委|办|院|中心|办公室|政府|分局|厅|部|队|所|站|委员会|街道|镇|乡|法院|检察院)$")]
    private static partial Regex UnitName();

    [GeneratedRegex(@"^\d+[\s\-_、.．]*")]
    private static partial Regex LeadingNumber();

    /// <summary>The innermost folder of <paramref name="relativePath"/> that names a unit, or null.</summary>
    public static string? FromPath(string relativePath)
    {
        var folders = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = folders.Length - 2; i >= 0; i--)
        {
            var name = LeadingNumber().Replace(folders[i].Trim(), "");
            if (UnitName().IsMatch(name))
            {
                return name;
            }
        }
        return null;
    }
}
