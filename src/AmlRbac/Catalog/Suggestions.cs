
namespace AmlRbac.Catalog;

/// <summary>"Did you mean" for names users type: the closest candidates by edit distance, case-insensitive.</summary>
public static class Suggestions
{
    public static IReadOnlyList<string> Closest(string text, IEnumerable<string> candidates, int max = 3)
    {
        var needle = text.Trim().ToLowerInvariant();
        var limit = Math.Max(2, needle.Length / 3);
        // The distance is at least the difference in length, so most of a long list is passed over unmeasured.
        return candidates
            .Where(c => Math.Abs(c.Length - needle.Length) <= limit)
            .Select(c => (Candidate: c, Distance: Distance(needle, c.ToLowerInvariant())))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .Select(x => x.Candidate)
            .ToList();
    }

    /// <summary>" Did you mean 'a' or 'b'?" or an empty string.</summary>
    public static string DidYouMean(string text, IEnumerable<string> candidates)
    {
        var closest = Closest(text, candidates);
        return closest.Count == 0 ? string.Empty : " Did you mean " + string.Join(" or ", closest.Select(c => $"'{c}'")) + "?";
    }

    // Optimal string alignment distance (Levenshtein plus adjacent transposition), two rows.
    private static int Distance(string a, string b)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, previous2[j - 2] + 1);
                }
                current[j] = best;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
