using System.Text;

namespace Search.Core.Extraction.Ocr.Paddle;

/// <summary>Greedy CTC decoding: the likeliest class per time step, repeats merged, blanks (class 0) dropped.</summary>
internal static class CtcDecoder
{
    /// <summary>
    /// The text of one line, given its [steps × classes] probabilities, and the mean probability of the
    /// characters kept.
    /// </summary>
    public static (string Text, float Confidence) Greedy(ReadOnlySpan<float> probabilities, int classes, IReadOnlyList<string> characters)
    {
        var text = new StringBuilder();
        var confidence = 0f;
        var kept = 0;
        var previous = -1;
        for (var offset = 0; offset + classes <= probabilities.Length; offset += classes)
        {
            var step = probabilities.Slice(offset, classes);
            var best = 0;
            var bestScore = step[0];
            for (var c = 1; c < step.Length; c++)
            {
                if (step[c] > bestScore)
                {
                    bestScore = step[c];
                    best = c;
                }
            }
            if (best != 0 && best != previous && best < characters.Count)
            {
                text.Append(characters[best]);
                confidence += bestScore;
                kept++;
            }
            previous = best;
        }
        return (text.ToString(), kept == 0 ? 0 : confidence / kept);
    }
}
