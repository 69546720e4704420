namespace Search.Core.Ingestion;

/// <summary>The material item an upload is for (指标 <see cref="Number"/> 第 <see cref="Item"/> 项): what it stores is filed as that item.</summary>
public sealed record ItemTarget(string Framework, int Number, int Item)
{
    /// <summary>The item's words as the framework had them at upload, for showing what the job was for.</summary>
    public string? Text { get; init; }
}
