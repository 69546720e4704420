using Search.Core.Extraction.Ocr.Paddle;

namespace Search.Core.Tests.Extraction.Ocr;

public sealed class CtcDecoderTests
{
    private static readonly string[] Characters = ["", "法", "治", "政", " "];

    private static float[] Steps(params int[] classes)
    {
        var probabilities = new float[classes.Length * Characters.Length];
        for (var t = 0; t < classes.Length; t++)
        {
            for (var c = 0; c < Characters.Length; c++)
            {
                probabilities[t * Characters.Length + c] = c == classes[t] ? 0.9f : 0.025f;
            }
        }
        return probabilities;
    }

    [Fact]
    public void Greedy_RepeatsMergedBlanksDropped()
    {
        var (text, confidence) = CtcDecoder.Greedy(Steps(0, 1, 1, 0, 2, 2, 2, 0, 0, 3), Characters.Length, Characters);

        Assert.Equal("法治政", text);
        Assert.Equal(0.9f, confidence, 3);
    }

    [Fact]
    public void Greedy_BlankBetweenRepeats_KeepsBoth()
    {
        Assert.Equal("法法", CtcDecoder.Greedy(Steps(1, 0, 1), Characters.Length, Characters).Text);
    }

    [Fact]
    public void Greedy_OnlyBlanks_EmptyWithZeroConfidence()
    {
        Assert.Equal(("", 0f), CtcDecoder.Greedy(Steps(0, 0, 0), Characters.Length, Characters));
    }
}
