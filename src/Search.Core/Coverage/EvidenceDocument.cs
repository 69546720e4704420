using Search.Core.Extraction;
using Search.Core.Storage;

namespace Search.Core.Coverage;

/// <summary>What item matching reads of a stored document: its name, what it is, its own date and the start of its text.</summary>
public sealed partial record EvidenceDocument(
    string Id,
    string Title,
    string FileName,
    string FileKind,
    DateOnly? Date,
    bool DateFromDocNumber,
    bool HasDocNumber,
    IReadOnlyList<string> Urls,
    string Head,
    string Sha256)
{
    /// <summary>The start of the text matching reads: enough for a title page, a short report or a ledger's first rows.</summary>
    public const int HeadCharacters = 3000;

    public static EvidenceDocument Of(DocumentRecord d, IReadOnlyList<PassageRecord> passages)
    {
        var head = new System.Text.StringBuilder();
        foreach (var p in passages)
        {
            if (head.Length >= HeadCharacters)
            {
                break;
            }
            head.Append(p.Text).Append('\n');
        }
        var urls = d.Urls.Concat(d.SourceUrl is { Length: > 0 } u ? [u] : []).Distinct().ToList();
        return new EvidenceDocument(d.Id, d.Title ?? Path.GetFileNameWithoutExtension(d.FileName), d.FileName, d.Kind, d.Date, d.DateFromDocNumber,
            d.DocNumber is not null, urls, head.Length > HeadCharacters ? head.ToString(0, HeadCharacters) : head.ToString(), d.Sha256);
    }

    /// <summary>The forms this document takes (see <see cref="EvidenceForm"/>).</summary>
    /// <remarks>
    /// The file name comes first: a department names what it uploads (…公布网址及截图, …受理登记表), while the title read
    /// from the text may be its letterhead or a document it cites.
    /// </remarks>
    public IReadOnlySet<string> Forms { get; } = EvidenceForm.OfDocument(
        EvidenceForm.TitleForm(Path.GetFileNameWithoutExtension(FileName)) is null ? Title : Path.GetFileNameWithoutExtension(FileName), FileKind, HasDocNumber, Urls.Count > 0, Head);

    /// <summary>The form word the file name or title names (制度, 要点, 台账…), for items that ask for one kind of policy.</summary>
    public string? TitleWord { get; } = EvidenceForm.TitleWord(Path.GetFileNameWithoutExtension(FileName)) ?? EvidenceForm.TitleWord(Title);

    /// <summary>Title and file name, whose words say what the document is about.</summary>
    public string Name => _name.Name;

    /// <summary>The name less the titles it cites (关于《…（送审稿）》的合法性审查意见书): what the document reviews or carries is not what it is.</summary>
    public string OwnName => _name.Own;

    public IReadOnlySet<string> NameBigrams => _name.Bigrams;

    /// <summary>
    /// The document is a draft by its own name; a draft it cites (关于《…（送审稿）》的合法性审查意见书) is what it reviews, and
    /// the document itself is adopted.
    /// </summary>
    public bool IsDraft => _name.Draft;

    /// <summary>Its own name calls it a list of materials to hand in (送审材料清单, 申报资料目录), a checklist rather than a list of documents or matters.</summary>
    public bool IsMaterialsList => _name.ListOfMaterials;

    /// <summary>The units its name names (区自然资源局, 区市场监管分局, 区委编办, 区政务服务中心, 宣和镇).</summary>
    public IReadOnlyList<string> UnitsNamed => _name.Units;

    // The name is read once, for all of these.
    private readonly NameReading _name = NameReading.Of(Title + "　" + Path.GetFileNameWithoutExtension(FileName));

    private sealed record NameReading(string Name, string Own, IReadOnlySet<string> Bigrams, bool Draft, bool ListOfMaterials, IReadOnlyList<string> Units)
    {
        public static NameReading Of(string name)
        {
            var own = WithoutCitations(name);
            return new(name, own, MaterialRequirement.BigramsOf(name).ToHashSet(StringComparer.Ordinal),
                DraftWords.Any(w => own.Contains(w, StringComparison.Ordinal)), EvidenceDocument.MaterialsList().IsMatch(own),
                UnitName().Matches(name).Select(m => m.Value).ToList());
        }
    }

    /// <summary>Words that mark a document as not yet adopted: it is not the published item unless the item asks for a draft.</summary>
    internal static readonly string[] DraftWords = ["送审稿", "征求意见稿", "讨论稿", "草案", "初稿", "修改稿", "代拟稿"];

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:材料|资料)(?:清单|目录|一览表)")]
    internal static partial System.Text.RegularExpressions.Regex MaterialsList();

    /// <summary>A unit named in a name: 区自然资源局, 区市场监管分局, 区委编办, 区政务服务中心, 宣和镇.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:区|县|市)[\u4e00-\u9fff]{1,10}?(?:分局|局|委员会|办公室|中心)|[\u4e00-\u9fff]{2,4}(?:镇|乡)(?:人民政府)?")]
    private static partial System.Text.RegularExpressions.Regex UnitName();

    public IReadOnlySet<string> TextBigrams { get; } = MaterialRequirement.BigramsOf(Head).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The text less the titles it cites (根据《法治政府建设与责任落实督察工作规定》, 《国务院关于在市场体系建设中建立公平竞争审查制度的意见》):
    /// what a document cites as its ground is not what it is about.
    /// </summary>
    public string OwnText => _own.Text;

    public IReadOnlySet<string> OwnTextBigrams => _own.Bigrams;

    /// <summary>
    /// The text less the titles it cites and the things it names in a run with others (公众参与、专家论证、风险评估、合法性审查和
    /// 集体讨论决定等法定程序): a matter named as one of many is not what the document is about.
    /// </summary>
    public string UnlistedText => _own.Unlisted;

    // The head is read without its citations once, for all three.
    private readonly OwnReading _own = OwnReading.Of(Head);

    private sealed record OwnReading(string Text, IReadOnlySet<string> Bigrams, string Unlisted)
    {
        public static OwnReading Of(string head)
        {
            var own = WithoutCitations(head);
            return new(own, MaterialRequirement.BigramsOf(own).ToHashSet(StringComparer.Ordinal), Listed().Replace(own, "　"));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[^、，,。；;：:\n\t]{1,12}(?:、[^、，,。；;：:\n\t]{1,12}){2,}")]
    private static partial System.Text.RegularExpressions.Regex Listed();

    /// <summary><paramref name="text"/> less the titles it cites (《…》).</summary>
    public static string WithoutCitations(string text) => Cited().Replace(text, "　");

    [System.Text.RegularExpressions.GeneratedRegex(@"《[^《》\n]*》")]
    private static partial System.Text.RegularExpressions.Regex Cited();

    /// <summary>
    /// The dates the document's own lines state (a ledger's 受理日期 cells), for a document without a date of its
    /// own: a ledger is in a period when its rows are.
    /// </summary>
    public IReadOnlyList<DateOnly> StatedDates { get; } = Head.Split('\n', '|', '\t').Select(DocumentMetadataReader.ParseDate).OfType<DateOnly>().ToList();

    /// <summary>The text reduced to its Chinese characters, letters and digits: the same content in TXT and DOCX reads the same.</summary>
    public string ContentKey { get; } = new(Head.Where(char.IsLetterOrDigit).ToArray());
}
