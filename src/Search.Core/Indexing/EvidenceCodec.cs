using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Search.Core.Indexing;

/// <summary>
/// Lucene 4.6's codec with stored fields compressed in 4 KB chunks instead of 16 KB. A search shows twenty
/// passages picked at random across the index, and reading one means decompressing its chunk up to it;
/// smaller chunks cost a little compression and save most of that work. Registered by name so that any
/// reader of the index finds it; segments written by the plain codec stay readable.
/// </summary>
[CodecName("Evidence46")]
public sealed class EvidenceCodec : FilterCodec
{
    private static readonly StoredFieldsFormat StoredFields = new CompressingStoredFieldsFormat("EvidenceStoredFields", CompressionMode.FAST, 1 << 12);
    private static readonly object Gate = new();
    private static bool _registered;

    public EvidenceCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => StoredFields;

    /// <summary>Makes the codec known to <see cref="Codec.ForName"/>; idempotent, called before any index is opened.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (!_registered)
            {
                Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(EvidenceCodec)] });
                _registered = true;
            }
        }
    }
}
