namespace Search.Api.Access;

/// <summary>Who may use the service; bound from "Search:Access". With no users, the service binds to loopback only and everyone local is an admin.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Search:Access";

    public List<AccessUser> Users { get; set; } = [];
}

/// <summary>A user: a name for the audit log, a secret key sent as X-Api-Key (or Bearer), a role, and for departments their unit.</summary>
public sealed class AccessUser
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>reviewer, department, assessor or admin.</summary>
    public string Role { get; set; } = Roles.Reviewer;

    /// <summary>For the department role: the unit whose files the user uploads and may delete.</summary>
    public string? Unit { get; set; }
}

/// <summary>The four roles and the policies built from them.</summary>
public static class Roles
{
    public const string Reviewer = "reviewer";
    public const string Department = "department";
    public const string Assessor = "assessor";
    public const string Admin = "admin";

    public const string Read = "read";
    public const string Upload = "upload";
    public const string Decide = "decide";
    public const string Administer = "administer";

    public static readonly string[] All = [Reviewer, Department, Assessor, Admin];
}
