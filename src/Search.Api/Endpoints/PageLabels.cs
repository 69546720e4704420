using Search.Core.Coverage;
using Search.Core.Extraction;
using Search.Core.Ingestion;
using Search.Core.Matching;
using Search.Core.Storage;
using Search.Core.WebChecks;

namespace Search.Api.Endpoints;

/// <summary>
/// The Chinese words the page shows for the service's codes: file types, decisions, link sources, outcomes,
/// statuses, roles. One home, so the page never spells a code in English and never keeps a list of its own.
/// </summary>
public static class PageLabels
{
    public static readonly IReadOnlyDictionary<string, string> FileTypes = Enum.GetValues<FileKind>().ToDictionary(k => k.ToString().ToLowerInvariant(), k => k switch
    {
        FileKind.Unknown => "未知格式",
        FileKind.Pdf => "PDF",
        FileKind.Docx or FileKind.Doc or FileKind.Wps => "Word 文档",
        FileKind.Xlsx or FileKind.Xls or FileKind.Et => "Excel 表格",
        FileKind.Pptx => "演示文稿",
        FileKind.Text => "文本",
        FileKind.Csv => "CSV 表格",
        FileKind.Markdown => "Markdown 文本",
        FileKind.Html => "网页",
        FileKind.Mht => "网页存档",
        FileKind.Ofd => "OFD 版式文件",
        FileKind.Zip => "压缩包",
        FileKind.Png or FileKind.Jpeg or FileKind.Tiff or FileKind.Bmp or FileKind.Gif => "图片",
        _ => throw new InvalidOperationException($"no label for file kind {k}"),
    }).Append(new(WebChecker.SnapshotKind, "网页快照")).ToDictionary();

    public static readonly IReadOnlyDictionary<string, string> Decisions = Enum.GetValues<DecisionKind>().ToDictionary(Code, k => k switch
    {
        DecisionKind.Confirm => "已确认",
        DecisionKind.Reject => "已否定",
        DecisionKind.Add => "已添加",
        DecisionKind.Provide => "单位已上传为本项材料",
        _ => throw new InvalidOperationException($"no label for decision {k}"),
    });

    /// <summary>The verbs on the buttons that make each decision.</summary>
    public static readonly IReadOnlyDictionary<string, string> DecisionActions = Enum.GetValues<DecisionKind>().ToDictionary(Code, k => k switch
    {
        DecisionKind.Confirm => "确认",
        DecisionKind.Reject => "否定",
        DecisionKind.Add => "添加到指标",
        DecisionKind.Provide => "上传为本项材料",
        _ => throw new InvalidOperationException($"no label for decision {k}"),
    });

    /// <summary>Where a link of a document to an indicator comes from, as <see cref="EvidenceLinkRule"/> names it.</summary>
    public static readonly IReadOnlyDictionary<string, string> LinkSources = new Dictionary<string, string>
    {
        ["auto"] = "自动匹配（待审核）",
        ["confirmed"] = "已确认",
        ["added"] = "人工添加",
    };

    /// <summary>A material item's state on the coverage board, in words (not colour alone).</summary>
    public static readonly IReadOnlyDictionary<string, string> ItemStatuses =
        new[] { ItemStatus.Confirmed, ItemStatus.Suggested, ItemStatus.Partial, ItemStatus.Missing }.ToDictionary(s => s, ItemStatus.Label);

    public static readonly IReadOnlyDictionary<string, string> IngestOutcomes = Enum.GetValues<IngestOutcomeKind>().ToDictionary(Code, k => k switch
    {
        IngestOutcomeKind.Pending => "等待处理",
        IngestOutcomeKind.Ingested => "已入库",
        IngestOutcomeKind.Replaced => "已替换旧版本",
        IngestOutcomeKind.Duplicate => "重复，未再次保存",
        IngestOutcomeKind.Quarantined => "含密级标识，已隔离",
        IngestOutcomeKind.Expanded => "压缩包已展开",
        IngestOutcomeKind.Failed => "失败",
        _ => throw new InvalidOperationException($"no label for outcome {k}"),
    });

    public static readonly IReadOnlyDictionary<string, string> WebOutcomes = WebCheckOutcomes.All.ToDictionary(o => o, WebCheckOutcomes.Label);

    public static readonly IReadOnlyDictionary<string, string> DocumentStatuses = Enum.GetValues<DocumentStatus>().ToDictionary(Code, k => k switch
    {
        DocumentStatus.Stored => "已保存，等待提取",
        DocumentStatus.Extracted => "已提取，等待编入索引",
        DocumentStatus.Indexed => "已编入索引",
        DocumentStatus.Failed => "处理失败",
        DocumentStatus.Quarantined => "已隔离",
        DocumentStatus.Expanded => "压缩包已展开",
        _ => throw new InvalidOperationException($"no label for status {k}"),
    });

    /// <summary>States of ingestion jobs and web-check runs.</summary>
    public static readonly IReadOnlyDictionary<string, string> RunStatuses = new Dictionary<string, string>
    {
        ["queued"] = "排队中",
        ["running"] = "进行中",
        ["completed"] = "已完成",
        ["done"] = "已完成",
        ["failed"] = "失败",
        ["cancelled"] = "已取消",
    };

    public static readonly IReadOnlyDictionary<string, string> Roles = new Dictionary<string, string>
    {
        [Access.Roles.Reviewer] = "审核人员",
        [Access.Roles.Department] = "部门",
        [Access.Roles.Assessor] = "评估人员",
        [Access.Roles.Admin] = "管理员",
    };

    public static readonly IReadOnlyDictionary<string, string> Facets = new Dictionary<string, string>
    {
        ["department"] = "单位",
        ["fileType"] = "类型",
        ["year"] = "年份",
        ["indicator"] = "指标",
    };

    private static string Code<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
